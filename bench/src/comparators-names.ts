// Seeded generator of realistic French name values (6–12 characters) for the comparator benchmark:
// common surnames and first names plus typing variants, as a column dictionary of distinct values holds.
import seedrandom from "seedrandom";

// Common French surnames and first names (frequency lists of the INSEE civil registers, written from
// general knowledge; spellings with and without accents both occur in real files).
const SURNAMES = names(`
  MARTIN, BERNARD, THOMAS, ROBERT, RICHARD, DURAND, DUBOIS, MOREAU, LAURENT, MICHEL, LEFEBVRE, LEFÈVRE,
  BERTRAND, FOURNIER, GIRARD, BONNET, DUPONT, LAMBERT, FONTAINE, ROUSSEAU, VINCENT, MULLER, MERCIER,
  GUÉRIN, GARNIER, CHEVALIER, FRANÇOIS, LEGRAND, GAUTHIER, GARCIA, PERRIN, CLÉMENT, NICOLAS, ROUSSEL,
  MATHIEU, GAUTIER, MASSON, MARCHAND, DUMONT, LEMAIRE, DUFOUR, MEUNIER, BLANCHARD, GIRAUD, RIVIÈRE,
  BRUNET, GAILLARD, BARBIER, ARNAUD, MARTINEZ, GÉRARD, RENARD, SCHMITT, LEROUX, PICARD, AUBERT,
  LEMOINE, RENAUD, LACROIX, OLIVIER, PHILIPPE, BOURGEOIS, PIERRE, BENOÎT, LECLERC, ROLLAND, LECLERCQ,
  GUILLAUME, LECOMTE, GUILLOT, HUBERT, BERGER, CARPENTIER, SANCHEZ, DUPUIS, MOULIN, DESCHAMPS, VASSEUR,
  BOUCHER, FLEURY, JACQUET, POIRIER, CHARLES, RENAULT, CHARPENTIER, MÉNARD, MAILLARD, BERTIN, BAILLY,
  SCHNEIDER, FERNANDEZ, COLLET, BOUVIER, JULIEN, PRÉVOST, MILLET, PERROT, DANIEL, COUSIN, GERMAIN,
  BRETON, BESSON, LANGLOIS, PELLETIER, LÉVÊQUE, PERRIER, LEBLANC, MARCHAL, MALLET, BOULANGER, MONNIER,
  MICHAUD, RODRIGUEZ, GUICHARD, GILLET, ÉTIENNE, GRONDIN, POULAIN, TESSIER, CHEVALLIER, CHAUVIN,
  BOUCHET, LEMAÎTRE, MARÉCHAL, HUMBERT, REYNAUD, ANTOINE, HOARAU, PERRET, BARTHÉLEMY, CORDIER, PICHON,
  LEJEUNE, GILBERT, DELAUNAY, PASQUIER, CARLIER, LAPORTE, LEBRETON, DEVAUX, GUYOMARD, LE GOFF, LE ROUX,
  KERGOAT, QUÉMÉNER, BOURDON, TRAORÉ, NGUYEN, BENSAÏD, HADDAD, BENALI, DIALLO
`);

const FIRST_NAMES = names(`
  NATHALIE, ISABELLE, SYLVIE, CATHERINE, FRÉDÉRIC, STÉPHANE, SÉBASTIEN, CHRISTOPHE, NICOLAS, JULIEN,
  CHRISTINE, VALÉRIE, SANDRINE, VÉRONIQUE, PHILIPPE, FRANÇOISE, MONIQUE, JACQUELINE, SÉVERINE, AURÉLIE,
  CÉLINE, ÉMILIE, CAROLINE, MATHILDE, CAMILLE, ANTOINE, GUILLAUME, MAXIME, ALEXANDRE, VINCENT, LAURENT,
  OLIVIER, PATRICK, BERNARD, MICHÈLE, HÉLÈNE, GENEVIÈVE, JOSÉPHINE, BÉATRICE, DOMINIQUE, THÉRÈSE,
  FRANCK, JÉRÔME, GRÉGORY, ANTHONY, BENJAMIN, MATHIEU, ROMAIN, DAMIEN, ADRIEN, CLÉMENT, FLORIAN,
  QUENTIN, MARGAUX, PAULINE, CHARLOTTE, JEAN-PIERRE, JEAN-LUC, MARIE-CLAIRE, ANNE-SOPHIE, JEAN-MARC,
  MARIE-HÉLÈNE, JEAN-CLAUDE, JEAN-FRANÇOIS, GABRIEL, RAPHAËL, LOUISE, JOSEPH, GÉRARD, ROLAND, MARCEL,
  GEORGES, SIMONE, JEANNINE, YVONNE, HENRIETTE, LUCIENNE, DENISE, PIERRETTE, ÉLISABETH, CHANTAL,
  MARTINE, BRIGITTE, ÉVELYNE, MURIEL, KARINE, STÉPHANIE, VIRGINIE, LAETITIA, AMANDINE, JESSICA,
  MÉLANIE, ÉLODIE, ALEXIS, KÉVIN, YANNICK, GWENAËLLE, MOHAMED, FATIMA, KARIM, NADIA, SAMIRA, YOUSSEF
`);

function names(list: string): readonly string[] {
  return list
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

// Letters that replace one another in real typing and transcription errors (neighbours, accents).
const CONFUSIONS: Readonly<Record<string, string>> = {
  A: "QSZÀÂ",
  E: "ÉÈÊRZ",
  É: "EÈ",
  È: "EÉ",
  I: "UOÎY",
  O: "IPÔ",
  U: "IYÛ",
  C: "ÇKS",
  Ç: "C",
  N: "MB",
  M: "N",
  S: "ZC",
  T: "DR",
  D: "T",
  L: "K",
  R: "T",
  G: "J",
  Y: "I",
};
const FALLBACK_LETTERS = "ABCDEFGHIJLMNOPRSTUVÉ";

/**
 * `count` distinct upper-case names of 6–12 UTF-16 code units: every list name of that length, then
 * variants with one or two edits (confusable-letter substitution, deletion, doubling, adjacent swap).
 */
export function generateFrenchNames(count: number, seed: number): string[] {
  const random = seedrandom(String(seed));
  const bases = [...SURNAMES, ...FIRST_NAMES].filter((name) => name.length >= 6 && name.length <= 12);
  const names = new Set<string>();
  for (const name of bases) {
    if (names.size >= count) break;
    names.add(name);
  }
  let attempts = 0;
  while (names.size < count) {
    if (++attempts > count * 1000) throw new Error(`could not generate ${count} distinct names`);
    let name = bases[Math.floor(random() * bases.length)];
    const edits = random() < 0.7 ? 1 : 2;
    for (let edit = 0; edit < edits; edit++) name = editName(name, random);
    if (name.length >= 6 && name.length <= 12) names.add(name);
  }
  return [...names];
}

function editName(name: string, random: () => number): string {
  const position = Math.floor(random() * name.length);
  const letter = name[position];
  const kind = random();
  if (kind < 0.4) {
    const options = CONFUSIONS[letter] ?? FALLBACK_LETTERS;
    const replacement = options[Math.floor(random() * options.length)];
    return name.slice(0, position) + replacement + name.slice(position + 1);
  }
  if (kind < 0.6) return name.slice(0, position) + name.slice(position + 1);
  if (kind < 0.8) return name.slice(0, position) + letter + name.slice(position);
  if (position + 1 >= name.length) return name;
  return name.slice(0, position) + name[position + 1] + letter + name.slice(position + 2);
}
