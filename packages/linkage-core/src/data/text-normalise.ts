// Text clean-up applied to names and addresses before comparison: accent folding, punctuation and
// whitespace normalisation. Pure string functions, applied once per distinct value.

/** Letters that Unicode decomposition leaves whole: ligatures and letters with strokes. */
const unDecomposableLetters: Readonly<Record<string, string>> = {
  œ: "oe",
  Œ: "OE",
  æ: "ae",
  Æ: "AE",
  ß: "ss",
  ẞ: "SS",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  ł: "l",
  Ł: "L",
  ŀ: "l",
  Ŀ: "L",
  þ: "th",
  Þ: "TH",
  ı: "i",
  ĳ: "ij",
  Ĳ: "IJ",
  ﬀ: "ff",
  ﬁ: "fi",
  ﬂ: "fl",
  ﬃ: "ffi",
  ﬄ: "ffl",
  ﬅ: "st",
  ﬆ: "st",
};
const unDecomposablePattern = new RegExp(`[${Object.keys(unDecomposableLetters).join("")}]`, "gu");
const combiningMarks = /\p{M}/gu;

/** Pure ASCII text has nothing to fold or normalise: the common case is answered without a regex pass. */
function isAscii(value: string): boolean {
  for (let index = 0; index < value.length; index++) if (value.charCodeAt(index) > 0x7f) return false;
  return true;
}

/** é → e, ç → c, œ → oe, æ → ae, ß → ss, ø → o…: every Latin diacritic removed, ligatures spelled out. */
export function foldAccents(value: string): string {
  if (isAscii(value)) return value;
  return value.normalize("NFD").replace(combiningMarks, "").replace(unDecomposablePattern, spellOut);
}

/** Œ → OE in capitals, but Oe before a lower-case letter (Œuvre → Oeuvre, ŒUVRE → OEUVRE). */
function spellOut(letter: string, offset: number, text: string): string {
  const spelled = unDecomposableLetters[letter]!;
  if (spelled.length < 2 || spelled !== spelled.toUpperCase()) return spelled;
  const next = text.charAt(offset + letter.length);
  return next !== "" && next !== next.toUpperCase()
    ? spelled.charAt(0) + spelled.slice(1).toLowerCase()
    : spelled;
}

/** Hyphens, en and em dashes, minus signs, figure dashes: all the dashes people type or paste. */
const dashes = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/gu;
/** Typographic apostrophes and the accents and primes used in their place. */
const apostrophes = /[\u2018\u2019\u201a\u201b\u2032\u02bc\u02b9\u00b4\u0060\uff07]/gu;
const doubleQuotes = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02]/gu;
/** Non-breaking and typographic spaces (French typography puts a narrow one before « ; : ! ? »). */
const unusualSpaces = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/gu;
/** Invisible characters: soft hyphen, zero-width spaces and joiners, byte order mark. */
const invisible = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;

/** Every dash → "-", every apostrophe → "'", quotes → '"', unusual spaces → " ", invisible characters removed. */
export function normalisePunctuation(value: string): string {
  if (isAscii(value)) return value;
  return value
    .replace(invisible, "")
    .replace(dashes, "-")
    .replace(apostrophes, "'")
    .replace(doubleQuotes, '"')
    .replace(unusualSpaces, " ");
}

const punctuationOrSymbol = /[\p{P}\p{S}]/gu;

/** Each punctuation mark or symbol → a space (JEAN-PIERRE → JEAN PIERRE); follow with collapseWhitespace. */
export function punctuationToSpace(value: string): string {
  return value.replace(punctuationOrSymbol, " ");
}

/** Punctuation marks and symbols removed (O'NEIL → ONEIL). */
export function removePunctuation(value: string): string {
  return value.replace(punctuationOrSymbol, "");
}

const whitespaceRun = /\s+/gu;

/** Runs of whitespace (any Unicode space, tab or line break) → one space; ends trimmed. */
export function collapseWhitespace(value: string): string {
  return value.replace(whitespaceRun, " ").trim();
}
