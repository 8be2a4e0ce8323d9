// French Soundex (the adaptation described by F. Brouard): first letter and three digits over French sound groups.

// Digit of each letter A–Z; "" for letters that are dropped (vowels, H, W, Y).
//                A   B    C    D    E   F    G    H   I   J    K    L    M    N    O   P    Q    R    S    T    U   V    W   X    Y   Z
const DIGITS = [
  "",
  "1",
  "2",
  "3",
  "",
  "9",
  "7",
  "",
  "",
  "7",
  "2",
  "4",
  "5",
  "5",
  "",
  "1",
  "2",
  "6",
  "8",
  "3",
  "",
  "9",
  "",
  "8",
  "",
  "8",
];
const LETTER_A = 65;

/**
 * French Soundex of a folded upper-case word (A–Z only), four characters: B P → 1, C K Q → 2, D T → 3, L → 4,
 * M N → 5, R → 6, G J → 7, S X Z → 8, F V → 9. Vowels separate repeated digits, H and W do not (as in Soundex).
 */
export function soundexFrCode(letters: string): string {
  if (letters.length === 0) return "";
  let code = letters[0]!;
  let previous = DIGITS[letters.charCodeAt(0) - LETTER_A]!;
  for (let index = 1; index < letters.length && code.length < 4; index++) {
    const letter = letters.charCodeAt(index);
    const digit = DIGITS[letter - LETTER_A]!;
    if (digit === "") {
      // H and W are transparent; vowels and Y end a run of equal digits.
      if (letter !== 72 && letter !== 87) previous = "0";
      continue;
    }
    if (digit !== previous) code += digit;
    previous = digit;
  }
  return code.padEnd(4, "0");
}
