import * as vscode from 'vscode';
import { type Annotation, type AnnotationSet, type CompiledLexicon, type PairSpan, type SidecarTag, createAnnotation, createTensionPair, newId } from '../../core';
import type { AnalysisService } from '../analysis/analysisService';
import type { LexiconService } from '../lexicon/lexiconService';
import { type AnnotationService, guarded } from './annotationService';
import { poleTag } from './tagColors';

/** Options of `tensionLens.linkTensionPair` when run from a hover link, a keybinding or a test; each given skips its prompt. */
export interface LinkPairArgs {
  readonly uri?: string;
  readonly a?: PairSpan;
  readonly b?: PairSpan;
  /** Lexicon axis id ('' for none). */
  readonly axis?: string;
  readonly note?: string;
}

/** One end the user can link: an annotation's range or a highlighted term's, with what to show for it. */
interface Candidate extends PairSpan {
  readonly text: string;
  readonly axis?: string;
  /** The term's pole, to tag the annotation made for it. */
  readonly pole?: string;
  readonly annotated: boolean;
}

const now = (): string => new Date().toISOString();

function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The annotation or the highlighted term under `offset` (an annotation first: it is what the user made). */
function candidateAt(set: AnnotationSet, analyses: AnalysisService, document: vscode.TextDocument, offset: number): Candidate | undefined {
  const anchor = set.anchors.find((a) => a.state !== 'orphaned' && a.annotation.target.position.start <= offset && offset <= a.annotation.target.position.end);
  const hit = analyses.get(document.uri)?.analysis.hitAtOffset(offset);
  if (anchor) {
    const { start, end } = anchor.annotation.target.position;
    const inside = analyses.get(document.uri)?.analysis.hits.find((h) => h.start >= start && h.end <= end);
    return { start, end, text: anchor.annotation.target.quote.exact, annotated: true, ...(inside && { axis: inside.axis }) };
  }
  return hit ? { start: hit.start, end: hit.end, text: hit.text, axis: hit.axis, pole: hit.pole, annotated: false } : undefined;
}

/** Every end in the article other than `first`: its annotations, then its highlighted terms (same axis first), nearest first. */
function candidates(set: AnnotationSet, analyses: AnalysisService, document: vscode.TextDocument, first: Candidate): Candidate[] {
  const seen = new Set<string>([`${first.start}:${first.end}`]);
  const out: Candidate[] = [];
  const distance = (c: PairSpan): number => Math.abs(c.start - first.start);
  for (const { annotation, state } of set.anchors) {
    if (state === 'orphaned') continue;
    const { start, end } = annotation.target.position;
    if (seen.has(`${start}:${end}`)) continue;
    seen.add(`${start}:${end}`);
    out.push({ start, end, text: annotation.target.quote.exact, annotated: true });
  }
  const analysis = analyses.get(document.uri)?.analysis;
  const terms: Candidate[] = [];
  for (const hit of analysis?.hits ?? []) {
    if (seen.has(`${hit.start}:${hit.end}`)) continue;
    // The other side of a tension is the opposite pole of the same axis; other terms come after.
    terms.push({ start: hit.start, end: hit.end, text: hit.text, axis: hit.axis, pole: hit.pole, annotated: false });
  }
  const sameAxisOtherPole = (c: Candidate): number => (first.axis && c.axis === first.axis && c.pole !== first.pole ? 0 : 1);
  terms.sort((x, y) => sameAxisOtherPole(x) - sameAxisOtherPole(y) || distance(x) - distance(y));
  out.sort((x, y) => distance(x) - distance(y));
  return [...out, ...terms.slice(0, 500)];
}

async function pickOtherEnd(document: vscode.TextDocument, list: readonly Candidate[], first: Candidate): Promise<Candidate | undefined> {
  if (list.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing else in this article to link with: annotate a second passage first.'));
    return undefined;
  }
  const items = list.map((c) => ({
    label: `${c.annotated ? '$(note)' : '$(symbol-keyword)'} ${clip(c.text, 40)}`,
    description: c.annotated ? vscode.l10n.t('annotation') : vscode.l10n.t('term'),
    detail: vscode.l10n.t('line {0}', document.positionAt(c.start).line + 1),
    candidate: c,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Link “{0}” with…', clip(first.text, 20)),
    placeHolder: vscode.l10n.t('Pick the other end of the tension pair'),
    matchOnDescription: true,
  });
  return picked?.candidate;
}

async function pickAxis(lexicon: CompiledLexicon, preferred: string | undefined): Promise<string | undefined> {
  const axes = lexicon.lexicon.axes;
  const items = [
    ...axes.map((axis) => ({ label: axis.label.zh || axis.id, description: `${axis.label.en}${axis.id === preferred ? ` · ${vscode.l10n.t('axis of the terms')}` : ''}`, axis: axis.id })),
    { label: vscode.l10n.t('(no axis)'), description: '', axis: '' },
  ];
  const first = items.find((i) => i.axis === preferred);
  const ordered = first ? [first, ...items.filter((i) => i !== first)] : items;
  const picked = await vscode.window.showQuickPick(ordered, { title: vscode.l10n.t('Axis of the tension pair'), placeHolder: vscode.l10n.t('The opposition the two passages stand on') });
  return picked?.axis;
}

/** The tag for an end made from a term: its pole's tag, or a tag of that label the user made before. */
function tagForPole(set: AnnotationSet, lexicon: CompiledLexicon, poleId: string | undefined): { set: AnnotationSet; tag?: SidecarTag } {
  const pole = lexicon.lexicon.axes.flatMap((a) => a.poles).find((p) => p.id === poleId);
  if (!pole) return { set };
  const tag = poleTag(pole, lexicon.lexicon);
  const existing = set.tags.find((t) => t.id === tag.id) ?? set.tags.find((t) => t.label.trim() === tag.label);
  return existing ? { set, tag: existing } : { set: set.createTag(tag), tag };
}

/** The pair a command is about: an Annotations view node, or `(uri, pairId)` arguments (hover links). */
function pairTarget(a: unknown, b: unknown): { document: vscode.TextDocument; id: string } | undefined {
  const node = a && typeof a === 'object' ? (a as { readonly uri?: unknown; readonly pairId?: unknown }) : undefined;
  const { uri, id } = node?.pairId !== undefined ? { uri: node.uri, id: node.pairId } : { uri: a, id: b };
  const document = typeof uri === 'string' ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
  return document && typeof id === 'string' ? { document, id } : undefined;
}

/** Registers Link as Tension Pair, Edit and Delete Tension Pair and the context key the editor menu uses; returns their disposables. */
export function registerPairCommands(annotations: AnnotationService, analyses: AnalysisService, lexicon: LexiconService): vscode.Disposable[] {
  const updateContext = (): void => {
    const editor = vscode.window.activeTextEditor;
    const set = editor && annotations.get(editor.document.uri)?.set;
    const on = !!(editor && set && candidateAt(set, analyses, editor.document, editor.document.offsetAt(editor.selection.active)));
    void vscode.commands.executeCommand('setContext', 'tensionLens.onPairEnd', on);
  };

  const link = async (args: LinkPairArgs = {}): Promise<string | undefined> => {
    const uri = args.uri;
    const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri))) : vscode.window.activeTextEditor?.document;
    if (!document) return undefined;
    const blocker = annotations.writeBlocker(document);
    if (blocker) {
      void vscode.window.showWarningMessage(blocker);
      return undefined;
    }
    await analyses.whenAnalyzed(document);
    const loaded = await annotations.load(document);
    if (!loaded.set) return undefined;
    const set = loaded.set;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const describe = (span: PairSpan): Candidate => candidateAt(set, analyses, document, span.start) ?? { ...span, text: document.getText(new vscode.Range(document.positionAt(span.start), document.positionAt(span.end))), annotated: false };
    const exactly = (span: PairSpan): Candidate => {
      const found = describe(span);
      return found.start === span.start && found.end === span.end ? found : { ...span, text: document.getText(new vscode.Range(document.positionAt(span.start), document.positionAt(span.end))), annotated: set.anchors.some((a) => a.annotation.target.position.start === span.start && a.annotation.target.position.end === span.end) };
    };
    const first = args.a ? exactly(args.a) : editor ? candidateAt(set, analyses, document, document.offsetAt(editor.selection.active)) : undefined;
    if (!first) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on an annotation or a highlighted term to link it as a tension pair.'));
      return undefined;
    }
    const second = args.b ? exactly(args.b) : await pickOtherEnd(document, candidates(set, analyses, document, first), first);
    if (!second) return undefined;
    const axis = args.axis ?? (await pickAxis(lexicon.current, first.axis ?? second.axis));
    if (axis === undefined) return undefined;
    const note = args.note ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Note on the tension pair (optional)'), prompt: vscode.l10n.t('Leave empty for no note.') }));
    if (note === undefined) return undefined;
    const id = newId();
    await guarded(() => annotations.change(document, (current) => {
      const text = document.getText();
      // Each end is an annotation too, so it is drawn, listed and exported like one; a term gets its pole's tag.
      let next = current;
      const made: Annotation[] = [];
      for (const end of [first, second]) {
        if (next.anchors.some((a) => a.annotation.target.position.start === end.start && a.annotation.target.position.end === end.end)) continue;
        const tagged = tagForPole(next, lexicon.current, end.pole);
        next = tagged.set;
        made.push(createAnnotation({ text, start: end.start, end: end.end, tags: tagged.tag ? [tagged.tag.id] : [], now: now(), id: newId() }));
      }
      return next.addWithPair(made, createTensionPair({ text, a: first, b: second, axis, note: note.trim(), now: now(), id }));
    }));
    return id;
  };

  return [
    vscode.window.onDidChangeTextEditorSelection(updateContext),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    annotations.onDidChange(updateContext),
    vscode.commands.registerCommand('tensionLens.linkTensionPair', (args?: LinkPairArgs) => link(args && typeof args === 'object' && !('scheme' in args) ? args : {})),
    vscode.commands.registerCommand('tensionLens.deleteTensionPair', async (a?: unknown, b?: unknown) => {
      const target = pairTarget(a, b);
      if (target) await guarded(() => annotations.change(target.document, (s) => s.deletePair(target.id)));
    }),
    vscode.commands.registerCommand('tensionLens.editTensionPair', async (a?: unknown, b?: unknown) => {
      const target = pairTarget(a, b);
      const current = target && annotations.get(target.document.uri)?.set?.getPair(target.id);
      if (!target || !current) return;
      const axis = await pickAxis(lexicon.current, current.pair.axis);
      if (axis === undefined) return;
      const note = await vscode.window.showInputBox({ title: vscode.l10n.t('Note on the tension pair (optional)'), prompt: vscode.l10n.t('Leave empty for no note.'), value: current.pair.note });
      if (note === undefined) return;
      await guarded(() => annotations.change(target.document, (s) => s.updatePair(target.id, { axis, note: note.trim() }, now())));
    }),
  ];
}
