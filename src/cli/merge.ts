import fs from 'node:fs';
import { type Group, type TensionCounts, type TextEncodingName, mergeGroups, sumCounts } from '../core';

/** `stats --json`'s output: the contract of the README ("CLI JSON"); `encodings` is parallel to `files`. */
export interface StatsJson {
  readonly version: 1;
  readonly files: readonly string[];
  readonly encodings?: readonly TextEncodingName[];
  readonly counts: TensionCounts;
  /** With `stats --by`: the grouping (`source`, `date:year` …) and the groups. */
  readonly by?: string;
  readonly groups?: readonly Group[];
}

/** A shard given to `--merge` that cannot be used: its file, what is wrong, and the fix. */
export class MergeError extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCountMap = (v: unknown): v is Record<string, number> => isRecord(v) && Object.values(v).every((n) => Number.isInteger(n) && (n as number) >= 0);

function problemOf(value: unknown): string | undefined {
  if (!isRecord(value)) return 'not a JSON object';
  if (value.version !== 1) return `version ${JSON.stringify(value.version)}, expected 1`;
  if (!Array.isArray(value.files) || !value.files.every((f) => typeof f === 'string')) return '"files" is not a list of paths';
  if (value.encodings !== undefined && (!Array.isArray(value.encodings) || value.encodings.length !== value.files.length)) return '"encodings" does not match "files"';
  const counts = value.counts;
  if (!isRecord(counts) || !Number.isInteger(counts.total) || !isRecord(counts.axes) || !isCountMap(counts.terms)) return '"counts" is not stats counts';
  for (const [id, axis] of Object.entries(counts.axes)) {
    if (!isRecord(axis) || !Number.isInteger(axis.total) || !isCountMap(axis.poles)) return `"counts.axes.${id}" is not an axis count`;
  }
  if ((value.by === undefined) !== (value.groups === undefined)) return '"by" and "groups" come together';
  if (value.groups !== undefined) {
    if (typeof value.by !== 'string' || !Array.isArray(value.groups)) return '"groups" is not a list';
    for (const [i, g] of value.groups.entries()) {
      if (!isRecord(g) || !(g.value === null || typeof g.value === 'string') || !Number.isInteger(g.files) || !Number.isInteger(g.characters) || !isRecord(g.counts)) {
        return `"groups[${i}]" is not a group (value, files, characters, counts)`;
      }
    }
  }
  return undefined;
}

/** Reads one shard: the output of `tension-lens stats --json`. */
export function readShard(file: string): StatsJson {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new MergeError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new MergeError(`${file}: not JSON (${(e as Error).message}); give the output of 'tension-lens stats --json'`);
  }
  const problem = problemOf(value);
  if (problem) throw new MergeError(`${file}: ${problem}; give the output of 'tension-lens stats --json'`);
  return value as StatsJson;
}

/**
 * The stats of the whole from the stats of its shards: files listed shard after shard, counts summed. The sum equals
 * the stats of all the files at once (counts are per file and add up); `encodings` is kept when every shard has it.
 */
export function mergeStats(shards: readonly StatsJson[]): StatsJson {
  const files = shards.flatMap((s) => s.files);
  const grouped = shards.filter((s) => s.by !== undefined);
  const by = grouped[0]?.by;
  if (grouped.length > 0 && (grouped.length < shards.length || grouped.some((s) => s.by !== by))) {
    const kinds = [...new Set(shards.map((s) => s.by ?? 'no --by'))].join(', ');
    throw new MergeError(`the shards are grouped differently (${kinds}); run 'stats --json' with the same --by on every shard`);
  }
  const withEncodings = shards.every((s) => s.encodings !== undefined);
  return {
    version: 1, files, counts: sumCounts(shards.map((s) => s.counts)),
    ...(withEncodings ? { encodings: shards.flatMap((s) => s.encodings ?? []) } : {}),
    ...(by === undefined ? {} : { by, groups: mergeGroups(shards.map((s) => s.groups ?? [])) }),
  };
}
