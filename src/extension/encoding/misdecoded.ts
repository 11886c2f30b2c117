import * as vscode from 'vscode';
import { ENCODING_LABEL, type TextEncodingName, VSCODE_ENCODING, decodeStrict, guessLegacyEncoding, replacementCount } from '../../core';

/** A warning handed to VS Code: its message and its buttons, as the user sees them (the tests read them back). */
export interface EncodingOffer {
  readonly uri: string;
  readonly encoding: TextEncodingName;
  readonly reason: 'opened' | 'annotate';
  readonly message: string;
  readonly actions: readonly string[];
}

/** The command behind the offer's button: `(uri?, encoding?)`, the active editor's file and its detected encoding by default. */
export const REOPEN_COMMAND = 'tensionLens.reopenWithEncoding';

type Legacy = Exclude<TextEncodingName, 'utf-8'>;

/**
 * Notices documents VS Code decoded wrongly — U+FFFD where the file's bytes are not UTF-8 but read cleanly as
 * GB18030 or Big5 Chinese — and offers to reopen them in that encoding, once per file when one is shown, and every
 * time an annotation is refused on one (an annotation anchored in mojibake is orphaned once the file is read right).
 */
export class MisdecodedDocuments implements vscode.Disposable {
  readonly #offers: EncodingOffer[] = [];
  readonly #offered = new Set<string>();
  /** The verdict per document version: reading the file again is only needed after it changed. */
  readonly #verdicts = new Map<string, { version: number; encoding: Legacy | undefined }>();
  readonly #disposables: vscode.Disposable[];

  constructor() {
    this.#disposables = [
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.#onShown(editor)),
      vscode.workspace.onDidCloseTextDocument((d) => this.#verdicts.delete(d.uri.toString())),
      vscode.commands.registerCommand(REOPEN_COMMAND, (uri?: string | vscode.Uri, encoding?: TextEncodingName) => this.reopen(uri, encoding)),
    ];
    void this.#onShown(vscode.window.activeTextEditor);
  }

  /** The legacy encoding a mis-decoded document's bytes read in; undefined when it is not mis-decoded. */
  async detect(document: vscode.TextDocument): Promise<Legacy | undefined> {
    if (document.isUntitled || document.uri.scheme === 'output') return undefined;
    const key = document.uri.toString();
    const cached = this.#verdicts.get(key);
    if (cached && cached.version === document.version) return cached.encoding;
    let encoding: Legacy | undefined;
    if (replacementCount(document.getText(), 1) > 0) {
      try {
        const bytes = await vscode.workspace.fs.readFile(document.uri);
        // Valid UTF-8 that holds U+FFFD itself is not damage; bytes that read as Chinese in a legacy encoding are.
        const guess = decodeStrict(bytes, 'utf-8') === undefined ? guessLegacyEncoding(bytes) : undefined;
        if (guess && guess.encoding !== 'utf-8' && VSCODE_ENCODING[guess.encoding] !== document.encoding) encoding = guess.encoding;
      } catch {
        // unreadable: nothing to offer
      }
    }
    this.#verdicts.set(key, { version: document.version, encoding });
    return encoding;
  }

  /**
   * Refuses to annotate a mis-decoded document, saying why and offering the reopen. True when refused: the caller
   * stops there.
   */
  async refuse(document: vscode.TextDocument): Promise<boolean> {
    const encoding = await this.detect(document);
    if (!encoding) return false;
    const label = ENCODING_LABEL[encoding];
    this.#offer(document, encoding, 'annotate', vscode.l10n.t('This file is {0}, shown as UTF-8, so its text is garbled: an annotation made on it would be lost once the file is read right. Reopen it with encoding {0} first.', label));
    return true;
  }

  /** Reopens a file in the given (or detected) encoding and shows it; says why when it cannot. */
  async reopen(target?: string | vscode.Uri, encoding?: TextEncodingName): Promise<vscode.TextDocument | undefined> {
    const uri = typeof target === 'string' ? vscode.Uri.parse(target) : target ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open the file to reopen in another encoding first.'));
      return undefined;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const chosen = encoding ?? (open ? await this.detect(open) : guessLegacyEncoding(await vscode.workspace.fs.readFile(uri))?.encoding);
    if (!chosen) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} does not read as GB18030 or Big5 Chinese: no other encoding to reopen it with.', vscode.workspace.asRelativePath(uri)));
      return undefined;
    }
    if (open?.isDirty) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Save or revert the changes to {0} before reopening it with encoding {1}.', vscode.workspace.asRelativePath(uri), ENCODING_LABEL[chosen]));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri, { encoding: VSCODE_ENCODING[chosen] });
    this.#verdicts.delete(uri.toString());
    await vscode.window.showTextDocument(document);
    return document;
  }

  /** The offers made so far, oldest first. */
  get offers(): readonly EncodingOffer[] {
    return this.#offers;
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }

  async #onShown(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || (editor.document.languageId !== 'plaintext' && editor.document.languageId !== 'markdown')) return;
    const { document } = editor;
    const encoding = await this.detect(document);
    if (!encoding || this.#offered.has(document.uri.toString())) return;
    this.#offered.add(document.uri.toString());
    const label = ENCODING_LABEL[encoding];
    this.#offer(document, encoding, 'opened', vscode.l10n.t('{0} is not UTF-8: it reads as {1} Chinese. Reopen it with that encoding to see its text and its tension terms.', vscode.workspace.asRelativePath(document.uri), label));
  }

  #offer(document: vscode.TextDocument, encoding: Legacy, reason: EncodingOffer['reason'], message: string): void {
    const action = vscode.l10n.t('Reopen with Encoding {0}', ENCODING_LABEL[encoding]);
    this.#offers.push({ uri: document.uri.toString(), encoding, reason, message, actions: [action] });
    void vscode.window.showWarningMessage(message, action).then((picked) => {
      if (picked === action) void this.reopen(document.uri, encoding);
    });
  }
}

let instance: MisdecodedDocuments | undefined;

/** Starts watching for mis-decoded documents; the annotate commands ask it through `refuseMisdecoded`. */
export function registerMisdecodedDocuments(): MisdecodedDocuments {
  instance = new MisdecodedDocuments();
  return instance;
}

/** True (after telling the user and offering the reopen) when the document is mis-decoded and must not be annotated. */
export async function refuseMisdecoded(document: vscode.TextDocument): Promise<boolean> {
  return instance ? instance.refuse(document) : false;
}
