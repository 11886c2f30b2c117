/** `tension-lens codebook`'s usage, for --help without loading the codebook command (src/cli/parts.ts). */
export const CODEBOOK_USAGE = `tension-lens codebook export [--codebook FILE] --out FILE.qdc|FILE.csv [PATH...]
  tension-lens codebook import [--codebook FILE] [--dry-run] [--yes] [--json] FILE.qdc|FILE.csv`;
