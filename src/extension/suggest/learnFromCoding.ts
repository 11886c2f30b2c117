import * as vscode from 'vscode';
import type { Lexicon, LexiconAxis, LexiconPole, SidecarTag } from '../../core';
import type { Annotated } from '../annotations/annotationCommands';
import { poleTagId } from '../annotations/tagColors';
import type { LexiconService } from '../lexicon/lexiconService';
import type { UserLexiconWriter } from './lexiconWriter';

/** Longest span offered as a term: a term is a word or a short phrase, not a sentence. */
const MAX_TERM_LENGTH = 12;
const HAN_PHRASE = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;

/** The pole a tag stands for: a pole tag (`pole-<id>`), or a tag named like a pole (its Chinese or English label, or id). */
export function poleOfTag(tag: SidecarTag, lexicon: Lexicon): { axis: LexiconAxis; pole: LexiconPole } | undefined {
  const label = tag.label.trim();
  for (const axis of lexicon.axes) {
    for (const pole of axis.poles) {
      if (tag.id === poleTagId(pole) || label === pole.label.zh || label.toLowerCase() === pole.label.en.toLowerCase() || label === pole.id) return { axis, pole };
    }
  }
  return undefined;
}

/**
 * Learning from coding: when a span is annotated with a pole's tag and its text is no known form, offer to add it
 * to the workspace lexicon on that pole, in one click.
 */
export function offerLexiconTerm(lexicon: LexiconService, writer: UserLexiconWriter): (annotated: Annotated) => void {
  return ({ document, start, end, tags }) => {
    const text = document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end))).trim();
    if (text.length < 2 || text.length > MAX_TERM_LENGTH || !HAN_PHRASE.test(text)) return;
    const current = lexicon.current.lexicon;
    const poles = [...new Map(tags.flatMap((t) => {
      const p = poleOfTag(t, current);
      return p ? [[p.pole.id, p] as const] : [];
    })).values()];
    if (poles.length !== 1) return;
    const [{ axis, pole }] = poles as [{ axis: LexiconAxis; pole: LexiconPole }];
    if (lexicon.current.patterns.includes(text)) return;
    const add = vscode.l10n.t('Add to lexicon as {0}', `${pole.label.zh} ${pole.id}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” is not in the lexicon yet.', text), add).then(async (answer) => {
      if (answer !== add) return;
      if (await writer.accept({ forms: [text], axis: axis.id, pole: pole.id }, document.uri)) {
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Added “{0}” to {1}', text, `${pole.label.zh} ${pole.id}`), 4000);
      }
    });
  };
}
