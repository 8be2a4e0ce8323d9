// The order of the joins: every criterion first, then every way of dropping one criterion, then two, and so on;
// within a level, steps that keep the earlier-listed (more trusted) criteria come first.

/** Criteria of one step, as positions in the criteria list, both ascending. */
export interface RelaxationStep {
  readonly kept: readonly number[];
  readonly dropped: readonly number[];
}

/** Most steps one run may have: step indices are stored in a Uint16Array. */
export const MAX_RELAXATION_STEPS = 65_535;

/** Number of steps `relaxationSteps` would give, without listing them (to check a spec before running it). */
export function countRelaxationSteps(
  criteria: readonly { readonly required?: boolean }[],
  maxDroppedCriteria: number,
): number {
  const droppable = criteria.filter((criterion) => criterion.required !== true).length;
  let steps = 0;
  let subsets = 1; // C(droppable, dropped), updated incrementally
  for (let dropped = 0; dropped <= Math.min(maxDroppedCriteria, droppable); dropped++) {
    if (dropped > 0) subsets = (subsets * (droppable - dropped + 1)) / dropped;
    steps += subsets;
  }
  return steps;
}

/**
 * Steps of the procedure in the order they run. Level d (0 … maxDroppedCriteria) drops d criteria that are
 * not `required`; within a level the kept positions are compared lexicographically, so that with criteria
 * [sex, birth, commune, death] the one-dropped steps drop death, then commune, then birth, then sex.
 */
export function relaxationSteps(
  criteria: readonly { readonly required?: boolean }[],
  maxDroppedCriteria: number,
): RelaxationStep[] {
  const droppable: number[] = [];
  criteria.forEach((criterion, position) => {
    if (criterion.required !== true) droppable.push(position);
  });
  const steps: RelaxationStep[] = [];
  for (let level = 0; level <= Math.min(maxDroppedCriteria, droppable.length); level++) {
    const levelSteps = subsetsOfSize(droppable, level).map((dropped) => ({
      kept: criteria
        .map((_criterion, position) => position)
        .filter((position) => !dropped.includes(position)),
      dropped,
    }));
    levelSteps.sort((first, second) => compareLexicographically(first.kept, second.kept));
    steps.push(...levelSteps);
  }
  return steps;
}

/** Every subset of `size` elements of `items`, each ascending. */
function subsetsOfSize(items: readonly number[], size: number): number[][] {
  const subsets: number[][] = [];
  const chosen: number[] = [];
  const choose = (from: number): void => {
    if (chosen.length === size) {
      subsets.push([...chosen]);
      return;
    }
    // Stop early when too few items remain to fill the subset.
    for (let index = from; index <= items.length - (size - chosen.length); index++) {
      chosen.push(items[index]!);
      choose(index + 1);
      chosen.pop();
    }
  };
  choose(0);
  return subsets;
}

function compareLexicographically(first: readonly number[], second: readonly number[]): number {
  const length = Math.min(first.length, second.length);
  for (let index = 0; index < length; index++) {
    if (first[index] !== second[index]) return first[index]! - second[index]!;
  }
  return first.length - second.length;
}
