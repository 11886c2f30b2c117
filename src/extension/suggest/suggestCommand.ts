import * as vscode from 'vscode';
import type { Lexicon, Suggestion, SuggestExample } from '../../core';
import { type SuggestServices, suggestFromWorkspace } from './corpusEvidence';
import type { UserLexiconWriter } from './lexiconWriter';
import { plural } from '../plural';

interface CandidateItem extends vscode.QuickPickItem {
  readonly suggestion: Suggestion;
}
interface ActionItem extends vscode.QuickPickItem {
  readonly action: 'accept' | 'acceptOther' | 'reject' | 'example';
  readonly example?: SuggestExample;
}
interface PoleItem extends vscode.QuickPickItem {
  readonly axis: string;
  readonly pole: string;
}

const ACCEPT = new vscode.ThemeIcon('check');
const REJECT = new vscode.ThemeIcon('close');

/** `开放 open · Open vs closed`: a pole as the pickers name it. */
function poleName(lexicon: Lexicon, axisId: string, poleId: string): string {
  const axis = lexicon.axes.find((a) => a.id === axisId);
  const pole = axis?.poles.find((p) => p.id === poleId);
  return `${pole?.label.zh ?? poleId} ${poleId} · ${axis ? `${axis.label.zh} ${axis.label.en}` : axisId}`;
}

/** Opens an example in the editor and selects the candidate there, keeping the review list open. */
async function jumpTo(example: SuggestExample): Promise<void> {
  const uri = vscode.Uri.parse(example.path);
  const range = new vscode.Range(example.line, example.character, example.line, example.character + example.length);
  const editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: true, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Asks for the pole, the proposed one first; undefined when dismissed. */
async function pickPole(lexicon: Lexicon, suggestion: Suggestion): Promise<{ axis: string; pole: string } | undefined> {
  const items: PoleItem[] = [];
  for (const axis of lexicon.axes) {
    for (const pole of axis.poles) {
      const proposed = axis.id === suggestion.axis && pole.id === suggestion.pole;
      const item: PoleItem = { label: `${pole.label.zh} ${pole.id}`, description: `${axis.label.zh} · ${axis.label.en}${proposed ? ` · ${vscode.l10n.t('proposed')}` : ''}`, axis: axis.id, pole: pole.id };
      if (proposed) items.unshift(item);
      else items.push(item);
    }
  }
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Add “{0}” to which pole?', suggestion.text), placeHolder: vscode.l10n.t('The proposed pole is first') });
  return picked ? { axis: picked.axis, pole: picked.pole } : undefined;
}

/**
 * `Tension Lens: Suggest Terms…`: scans the workspace's articles with a cancellable progress notification, then a
 * review list — each candidate with its proposed pole, evidence and first example; its buttons accept (on the
 * proposed pole) or reject it; choosing it shows its examples (click to jump) and Accept / Accept on another pole /
 * Reject. Decisions are written to .vscode/tension-lexicon.json at once.
 */
export function registerSuggestTerms(services: SuggestServices, writer: UserLexiconWriter): vscode.Disposable {
  return vscode.commands.registerCommand('tensionLens.suggestTerms', async () => {
    const found = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Suggesting terms'), cancellable: true },
      (progress, token) => {
        let reported = 0;
        return suggestFromWorkspace(services, (done, total) => {
          const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
          progress.report({ increment: percent - reported, message: vscode.l10n.t('{0} of {1} articles', done, total) });
          reported = percent;
        }, token);
      },
    );
    if (!found) return;
    if (found.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No candidate terms: the articles pair no unknown word with a known pole term.'));
      return;
    }
    await review(found, services, writer);
  });
}

async function review(initial: readonly Suggestion[], services: SuggestServices, writer: UserLexiconWriter): Promise<void> {
  let remaining = [...initial];
  const lexicon = (): Lexicon => services.lexicon.current.lexicon;
  const nearOf = (s: Suggestion): vscode.Uri | undefined => (s.examples[0] ? vscode.Uri.parse(s.examples[0].path) : undefined);
  const accept = async (s: Suggestion, axis = s.axis, pole = s.pole): Promise<boolean> => {
    const ok = await writer.accept({ forms: s.forms, axis, pole }, nearOf(s));
    if (ok) void vscode.window.setStatusBarMessage(vscode.l10n.t('Added “{0}” to {1}', s.text, poleName(lexicon(), axis, pole)), 4000);
    return ok;
  };
  const reject = (s: Suggestion): Promise<boolean> => writer.reject(s.forms, nearOf(s));
  const itemOf = (s: Suggestion): CandidateItem => ({
    label: s.text,
    description: `→ ${poleName(lexicon(), s.axis, s.pole)} · ${vscode.l10n.t('score {0}', s.score)} · ${plural(s.files, vscode.l10n.t('{0}× in {1} file', s.count, s.files), vscode.l10n.t('{0}× in {1} files', s.count, s.files))}`,
    detail: s.examples[0]?.context ?? '',
    buttons: [{ iconPath: ACCEPT, tooltip: vscode.l10n.t('Accept on the proposed pole') }, { iconPath: REJECT, tooltip: vscode.l10n.t('Reject: never suggest again') }],
    suggestion: s,
  });

  for (;;) {
    if (remaining.length === 0) return;
    const chosen = await new Promise<Suggestion | undefined>((resolve) => {
      const pick = vscode.window.createQuickPick<CandidateItem>();
      pick.title = vscode.l10n.t('Suggested terms ({0})', remaining.length);
      pick.placeholder = vscode.l10n.t('Choose a term to see its examples; ✓ accepts it, ✕ rejects it');
      pick.matchOnDescription = true;
      pick.matchOnDetail = true;
      pick.ignoreFocusOut = true;
      pick.items = remaining.map(itemOf);
      let result: Suggestion | undefined;
      pick.onDidTriggerItemButton(async ({ item, button }) => {
        pick.busy = true;
        const done = button.iconPath === ACCEPT ? await accept(item.suggestion) : await reject(item.suggestion);
        pick.busy = false;
        if (!done) return;
        remaining = remaining.filter((s) => s !== item.suggestion);
        pick.items = remaining.map(itemOf);
        pick.title = vscode.l10n.t('Suggested terms ({0})', remaining.length);
        if (remaining.length === 0) pick.hide();
      });
      pick.onDidAccept(() => {
        result = pick.selectedItems[0]?.suggestion;
        pick.hide();
      });
      pick.onDidHide(() => {
        pick.dispose();
        resolve(result);
      });
      pick.show();
    });
    if (!chosen) return;
    const decided = await reviewOne(chosen, lexicon(), accept, reject);
    if (decided) remaining = remaining.filter((s) => s !== chosen);
  }
}

/** One candidate: its actions, then its examples (choosing one jumps there and keeps the list). True once decided. */
async function reviewOne(
  s: Suggestion, lexicon: Lexicon, accept: (s: Suggestion, axis?: string, pole?: string) => Promise<boolean>, reject: (s: Suggestion) => Promise<boolean>,
): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const pick = vscode.window.createQuickPick<ActionItem>();
    pick.title = vscode.l10n.t('“{0}” — {1}', s.text, poleName(lexicon, s.axis, s.pole));
    pick.placeholder = vscode.l10n.t('Accept, reject, or choose an example to see it in the article');
    pick.ignoreFocusOut = true;
    pick.buttons = [vscode.QuickInputButtons.Back];
    const examples: ActionItem[] = s.examples.map((e) => ({
      label: `$(go-to-file) ${vscode.workspace.asRelativePath(vscode.Uri.parse(e.path))}:${e.line + 1}`, detail: e.context, action: 'example', example: e,
    }));
    pick.items = [
      { label: `$(check) ${vscode.l10n.t('Accept as {0}', poleName(lexicon, s.axis, s.pole))}`, action: 'accept' },
      { label: `$(arrow-swap) ${vscode.l10n.t('Accept on another pole…')}`, action: 'acceptOther' },
      { label: `$(close) ${vscode.l10n.t('Reject: never suggest again')}`, action: 'reject' },
      { label: vscode.l10n.t('Examples'), kind: vscode.QuickPickItemKind.Separator, action: 'example' },
      ...examples,
    ];
    let decided = false;
    let busy = false;
    // Set when the pole picker takes over: hiding this list must not answer for it.
    let handedOver = false;
    pick.onDidTriggerButton(() => pick.hide());
    pick.onDidAccept(async () => {
      const item = pick.selectedItems[0];
      if (!item || busy) return;
      if (item.action === 'example' && item.example) {
        await jumpTo(item.example);
        return;
      }
      busy = true;
      pick.busy = true;
      if (item.action === 'accept') decided = await accept(s);
      else if (item.action === 'reject') decided = await reject(s);
      else {
        handedOver = true;
        pick.hide();
        const target = await pickPole(lexicon, s);
        decided = target ? await accept(s, target.axis, target.pole) : false;
        resolve(decided);
        return;
      }
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      if (!handedOver) resolve(decided);
    });
    pick.show();
  });
}
