/**
 * Where a text pairs two terms: `[before] X middle Y [after]`. When one side is a known pole term, the other side is
 * evidence for a term on the opposite pole (X与Y之争, 从X到Y, X而非Y …) or on the same pole (X、Y, X和Y). Data, so a
 * frame is added without code; `before` and `after`, when given, must stand right outside the pair.
 */
export interface SuggestFrame {
  readonly id: string;
  readonly before?: readonly string[];
  readonly middle: readonly string[];
  readonly after?: readonly string[];
  readonly relation: 'opposite' | 'same';
  /** How much one occurrence counts. */
  readonly weight: number;
}

export const SUGGEST_FRAMES: readonly SuggestFrame[] = [
  { id: 'X与Y之争', middle: ['与', '和', '同', '跟', '及'], after: ['之争', '之辩', '之间', '的张力', '的矛盾', '的对立', '的冲突', '的博弈', '的拉锯', '的取舍', '两难'], relation: 'opposite', weight: 3 },
  { id: '从X到Y', before: ['从', '由'], middle: ['到', '转向', '走向', '转为', '变成', '变为'], relation: 'opposite', weight: 3 },
  { id: 'X而非Y', middle: ['而非', '而不是', '而不', '却非', '并非', '而绝非'], relation: 'opposite', weight: 3 },
  { id: '不是X而是Y', before: ['不是', '并非', '并不是', '不再是'], middle: ['而是', '而系'], relation: 'opposite', weight: 3 },
  { id: '在X与Y之间', before: ['在', '于'], middle: ['与', '和', '同'], after: ['之间', '中间'], relation: 'opposite', weight: 3 },
  { id: '平衡X与Y', before: ['平衡', '兼顾', '权衡', '调和', '协调'], middle: ['与', '和', '同'], relation: 'opposite', weight: 3 },
  { id: 'X还是Y', middle: ['还是', '抑或', '或是'], relation: 'opposite', weight: 2 },
  { id: '与其X不如Y', before: ['与其'], middle: ['不如', '毋宁'], relation: 'opposite', weight: 3 },
  { id: 'X对抗Y', middle: ['对抗', '对决', '对阵', '压倒', '让位于', '优先于', '取代', '胜过'], relation: 'opposite', weight: 2 },
  { id: 'X、Y', middle: ['、', '和', '与', '及', '以及', '并'], relation: 'same', weight: 1 },
];
