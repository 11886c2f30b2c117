/**
 * Decoding article bytes: UTF-8, or the legacy Chinese encodings real archives still hold (GBK/GB18030, Big5).
 * Pure: only `TextDecoder`, which Node, browsers and web workers all provide with these encodings.
 */

/** An encoding a text was decoded with. GB18030 is a superset of GBK and GB2312, so one name covers all three. */
export type TextEncodingName = 'utf-8' | 'gb18030' | 'big5';

/** What the user may ask for: one encoding, or `auto` (UTF-8 first, then the legacy Chinese encodings). */
export type EncodingChoice = 'auto' | TextEncodingName;

export const ENCODING_CHOICES: readonly EncodingChoice[] = ['auto', 'utf-8', 'gb18030', 'big5'];

/** The legacy encodings `auto` tries after UTF-8, in the order a tie is broken. */
export const LEGACY_ENCODINGS: readonly Exclude<TextEncodingName, 'utf-8'>[] = ['gb18030', 'big5'];

/** The name VS Code uses for an encoding (`files.encoding`, `openTextDocument(uri, { encoding })`). */
export const VSCODE_ENCODING: Readonly<Record<TextEncodingName, string>> = { 'utf-8': 'utf8', gb18030: 'gb18030', big5: 'cp950' };

/** The name people read: "UTF-8", "GB18030", "Big5". */
export const ENCODING_LABEL: Readonly<Record<TextEncodingName, string>> = { 'utf-8': 'UTF-8', gb18030: 'GB18030', big5: 'Big5' };

export function isEncodingChoice(value: unknown): value is EncodingChoice {
  return typeof value === 'string' && (ENCODING_CHOICES as readonly string[]).includes(value);
}

/** A decoded text (BOM removed) and the encoding that produced it. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

// The most frequent Chinese characters (about 1,170 simplified, then the traditional forms that differ). They make up
// about 92 % of the Han characters of a real article in either script, and about 10–15 % of the characters that GBK
// bytes read as Big5 (or Big5 bytes as GBK) turn into: a wrong guess reads as Chinese, but not as common Chinese.
const COMMON_SIMPLIFIED = '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵逆';
const COMMON_TRADITIONAL = '這個們來為國說時會對於過發後裡種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內給門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺術領確傳師觀讓識帶導爭運飛風乾聯組濟車親極辦議證轉準遠臺單羅愛擊備連調質團價黨華級離況亞請際約覆線斷滿視須寫稱嗎輕農裝廣顯標談圖歷醫專費號盡較語僅隨選紅響雖勢參眾構節維劃敵陳態護興驗責營夠嚴續講終緊黃絕項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適衛險陸習勞財環納歡獲負雲龍樹層衝範異漢簡擔靜積餘檢靈協佔徵揮勝階審堅媽劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島戶評寶釋顧貨歐換聞壞討麗監臨艦魚雜誤灣減編測敗夢溫劍漸貴槍樓縣畫遺謝魯慮銷鍾詩趕劇損舊錄葉鄉禮婦歸飯額順輸搖脫補謂療澤滅筆鮮詞聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫頂鎮練爺館礎寧紙諸訓莊絲戲隱訪軟薩夥盤擴蓋穩億擁楊齊賽虛購揚綠貿畢輪庫跡競棄偉緩潛閃燈針絡純頁傑築鄭貝吳圓殘誠寬擺毀趙';

let common: Set<number> | undefined;
function commonHan(): Set<number> {
  if (!common) {
    common = new Set<number>();
    for (const list of [COMMON_SIMPLIFIED, COMMON_TRADITIONAL]) for (let i = 0; i < list.length; i++) common.add(list.charCodeAt(i));
  }
  return common;
}

/** Share of common characters among the Han and private-use characters a legacy decoding must reach to be taken. */
const MIN_COMMON_SHARE = 0.5;
/** How much of a long text the guess reads: enough for a stable share, bounded so a 10 MB file costs little more. */
const SAMPLE_CHARS = 64 * 1024;

/** How much a decoded text reads as Chinese: the share of common characters among its Han and private-use ones. */
export function chineseScore(text: string): { readonly han: number; readonly share: number } {
  const set = commonHan();
  let han = 0;
  let hits = 0;
  let odd = 0;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) {
      // C0 controls other than tab, line breaks and form feed: a wrong decoding of binary-ish bytes.
      if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) odd++;
      continue;
    }
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) {
      han++;
      if (set.has(c)) hits++;
    } else if (c >= 0xe000 && c <= 0xf8ff) odd++; // private use: user-defined areas a wrong guess lands in
    else if (c >= 0xd800 && c <= 0xdbff) {
      han++; // a supplementary character (Extension B…): rare in prose, so counted but never common
      i++;
    }
  }
  const total = han + odd;
  return { han, share: total === 0 ? 0 : hits / total };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Decodes with one encoding, or undefined when the bytes are not valid in it. */
export function decodeStrict(bytes: Uint8Array, encoding: TextEncodingName): string | undefined {
  try {
    return stripBom(new TextDecoder(encoding, { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/**
 * The legacy Chinese encoding the bytes read best in: they decode without an invalid sequence and at least half of
 * their Han characters are common ones; between GB18030 and Big5, the one with the larger share. Undefined when
 * neither reads as Chinese.
 */
export function guessLegacyEncoding(bytes: Uint8Array): DecodedText | undefined {
  let best: (DecodedText & { share: number }) | undefined;
  for (const encoding of LEGACY_ENCODINGS) {
    const text = decodeStrict(bytes, encoding);
    if (text === undefined) continue;
    const { han, share } = chineseScore(text);
    if (han === 0 || share < MIN_COMMON_SHARE) continue;
    if (!best || share > best.share) best = { text, encoding, share };
  }
  return best ? { text: best.text, encoding: best.encoding } : undefined;
}

/**
 * Decodes an article's bytes, BOM dropped. `auto`: UTF-8 when the bytes are valid UTF-8, else the legacy Chinese
 * encoding they read best in (`guessLegacyEncoding`). A named encoding is used as asked. Undefined when the bytes
 * fit none (the caller says "not valid UTF-8" and names what was tried).
 */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText | undefined {
  if (choice !== 'auto') {
    const text = decodeStrict(bytes, choice);
    return text === undefined ? undefined : { text, encoding: choice };
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  return guessLegacyEncoding(bytes);
}

/**
 * Whether a text shows decoding damage: U+FFFD, the replacement character an editor puts where bytes were not valid
 * in the encoding it used. Counted, so a single stray one in a long text can be told from a mis-decoded file.
 */
export function replacementCount(text: string, limit = Infinity): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1 && n < limit; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}
