import * as vscode from 'vscode';
import { articleFileName, type ImportFailureKind, importFormatOf, isImportFailure } from '../../core/import';
import { writeAtomic } from '../files/atomicWrite';
import { loadImporter } from './importerLoader';

export const IMPORT_COMMAND = 'tensionLens.importArticles';
const IMPORT_EXTENSIONS = ['html', 'htm', 'docx', 'pdf'];

/** The localised line for a failed import (the CLI prints the same in English: src/core/import/errors.ts). */
function failureMessage(file: string, kind: ImportFailureKind): string {
  switch (kind) {
    case 'unsupported': return vscode.l10n.t('{0}: not a format Tension Lens imports (.html, .htm, .docx, .pdf).', file);
    case 'corrupt': return vscode.l10n.t('{0}: the file is damaged or not what its extension says; open it in its own application and save it again.', file);
    case 'password': return vscode.l10n.t('{0}: the file is password-protected; save a copy without the password and import that.', file);
    case 'needs-ocr': return vscode.l10n.t('{0}: the PDF has no text layer (a scan); run OCR on it first, then import the result.', file);
    case 'empty': return vscode.l10n.t('{0}: no article text was found in the file.', file);
  }
}

const baseName = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The files to import: those selected in the Explorer, else the ones the user picks. */
async function filesToImport(clicked: unknown, selected: unknown): Promise<vscode.Uri[] | undefined> {
  // A multi-selection may hold other files too (the menu shows for the one right-clicked): import what can be.
  const importable = Array.isArray(selected) ? selected.filter((u): u is vscode.Uri => u instanceof vscode.Uri && importFormatOf(u.path) !== undefined) : [];
  if (importable.length > 0) return importable;
  if (clicked instanceof vscode.Uri) return [clicked];
  return vscode.window.showOpenDialog({
    canSelectMany: true, openLabel: vscode.l10n.t('Import'), title: vscode.l10n.t('Import Articles'),
    filters: { [vscode.l10n.t('Web pages, Word documents, PDFs')]: IMPORT_EXTENSIONS },
  });
}

/**
 * `Tension Lens: Import Articles…` (palette; Explorer context menu on .html/.htm/.docx/.pdf): each file becomes a
 * Markdown article beside it, with front matter; an existing one is replaced only when the user says so. The
 * article (the first, when several) is opened, so its terms are highlighted at once.
 */
export function registerImportCommand(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(IMPORT_COMMAND, async (clicked?: unknown, selected?: unknown) => {
    const importer = loadImporter(extensionUri);
    if (!importer) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Importing web pages, Word documents and PDFs needs VS Code on the desktop (or the tension-lens command-line tool): the importers need Node.js, which VS Code for the Web does not provide. No format can be imported here.'));
      return;
    }
    const files = await filesToImport(clicked, selected);
    if (!files || files.length === 0) return;
    const written: vscode.Uri[] = [];
    const failures: string[] = [];
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing articles'), cancellable: true }, async (progress, token) => {
      for (const [i, file] of files.entries()) {
        if (token.isCancellationRequested) break;
        const name = baseName(file);
        progress.report({ message: `${name} (${i + 1}/${files.length})`, increment: 100 / files.length });
        const target = vscode.Uri.joinPath(file, '..', articleFileName(name));
        try {
          if (await exists(target)) {
            const overwrite = vscode.l10n.t('Overwrite');
            const answer = await vscode.window.showWarningMessage(
              vscode.l10n.t('{0} already exists. Overwrite it with the article imported from {1}?', baseName(target), name), { modal: true }, overwrite);
            if (answer !== overwrite) continue;
          }
          const text = await importer.importArticle(await vscode.workspace.fs.readFile(file), name);
          await writeAtomic(target, new TextEncoder().encode(text));
          written.push(target);
        } catch (e) {
          if (isImportFailure(e)) failures.push(failureMessage(name, e.kind));
          else failures.push(vscode.l10n.t('{0}: could not be imported: {1}', name, e instanceof Error ? e.message : String(e)));
        }
      }
    });
    for (const f of failures) void vscode.window.showErrorMessage(f);
    if (written.length > 0) {
      await vscode.window.showTextDocument(written[0]!, { preview: false });
      if (written.length > 1) void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0} articles.', written.length));
    }
  });
}
