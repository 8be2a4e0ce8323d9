// INSEE commune and département codes (Code officiel géographique): restores leading zeros lost by
// spreadsheets, handles Corsica (2A/2B, and pre-1976 20xxx codes) and overseas départements (97x).

/**
 * Three-digit numbers of the communes of Corse-du-Sud (2A). Before 1976 every Corsican commune was coded
 * 20xxx; the split kept the number, so 20004 (Ajaccio) became 2A004 and 20033 (Bastia) 2B033. Numbers are
 * interleaved, hence a list. Derived from the COG as packaged in @etalab/decoupage-administratif 6.0.0
 * (communes 2A001–2A362; every other current Corsican number belongs to 2B).
 */
const corseDuSudNumbers: ReadonlySet<string> = new Set(
  (
    "001 004 006 008 011 014 017 018 019 021 022 024 026 027 028 031 032 035 038 040 041 048 056 060 061 062 " +
    "064 065 066 070 071 085 089 090 091 092 094 098 099 100 103 104 108 114 115 117 118 119 127 128 129 130 " +
    "131 132 133 139 141 142 144 146 154 158 160 163 174 181 186 189 191 196 197 198 200 203 204 209 211 212 " +
    "215 228 232 240 247 249 253 254 258 259 262 266 268 269 270 271 272 276 278 279 282 284 285 288 295 300 " +
    "308 310 312 322 323 324 326 330 331 336 345 348 349 351 357 358 359 360 362 363"
  ).split(" "),
);

/** Highest three-digit number used by a Corsican commune; above it a 20xxx code is not Corsican. */
const highestCorsicanNumber = 366;
/** Numbers up to 366 that no current Corsican commune has (merged or renumbered): 2A or 2B cannot be told. */
const unusedCorsicanNumbers: ReadonlySet<string> = new Set(["044", "076", "151", "237", "294", "325"]);

/** A commune number read as a float by a spreadsheet or pandas ("1001.0"). */
const floatSuffix = /\.0+$/;

/**
 * A five-character INSEE commune code, or null when `value` cannot be one. Four digits get their lost
 * leading zero back (1001 → 01001); 2a004 → 2A004; old Corsican codes 20xxx are kept as they are (see
 * departementFromCommuneCode); 99xxx (born abroad, by country) is kept.
 */
export function standardiseCommuneCode(value: string): string | null {
  const code = value.trim().toUpperCase().replace(floatSuffix, "");
  if (/^[1-9]\d{3}$/.test(code)) return `0${code}`;
  if (/^2[AB]\d{3}$/.test(code)) return code;
  if (!/^\d{5}$/.test(code)) return null;
  const departement = Number(code.slice(0, 2));
  // 00 and 96 are not départements; 97 and 98 are followed by a third digit (971 Guadeloupe… 989).
  if (departement === 0 || departement === 96) return null;
  return code;
}

/**
 * Département read from the characters of a standardised commune code alone, without the commune register
 * (so that standardisation never loads it): two characters, three for overseas (971–989), "2A"/"2B" for
 * Corsica, "99" for a foreign country. An old 20xxx code maps to 2A or 2B by its number; a number no current
 * commune has stays "20". Null when `code` is not a standardised commune code. For the register's answer
 * (former communes carried forward, null for "20" and "99"), use departementOfCommune.
 */
export function departementFromCommuneCode(code: string): string | null {
  if (/^2[AB]\d{3}$/.test(code)) return code.slice(0, 2);
  if (!/^\d{5}$/.test(code)) return null;
  if (code.startsWith("97") || code.startsWith("98")) return code.slice(0, 3);
  if (code.startsWith("20")) {
    const number = code.slice(2);
    if (corseDuSudNumbers.has(number)) return "2A";
    const known =
      Number(number) >= 1 && Number(number) <= highestCorsicanNumber && !unusedCorsicanNumbers.has(number);
    return known ? "2B" : "20";
  }
  return code.slice(0, 2);
}

/**
 * A département code from either a département code (1 → 01, 2a → 2A, 971) or a commune code
 * (01001 → 01, 97105 → 971), or null when `value` is neither.
 */
export function standardiseDepartement(value: string): string | null {
  const text = value.trim().toUpperCase().replace(floatSuffix, "");
  if (/^[1-9]$/.test(text)) return `0${text}`;
  if (/^2[AB]$/.test(text)) return text;
  if (/^\d{2}$/.test(text)) {
    const number = Number(text);
    return number >= 1 && number <= 95 ? text : number === 99 ? "99" : null;
  }
  if (/^9[78]\d$/.test(text)) return text;
  const commune = standardiseCommuneCode(text);
  return commune === null ? null : departementFromCommuneCode(commune);
}

/** A five-digit French postal code (1000 → 01000, lost leading zero restored), or null. */
export function standardisePostalCode(value: string): string | null {
  const code = value.trim().replace(floatSuffix, "");
  if (/^[1-9]\d{3}$/.test(code)) return `0${code}`;
  if (/^\d{5}$/.test(code) && !code.startsWith("00")) return code;
  return null;
}
