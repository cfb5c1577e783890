/**
 * The seed of a run's property-based generation: `--seed` when given; pinned when CI is set, so CI is
 * reproducible run after run (STYLE.md, fast-check habit); random otherwise. It is printed either way.
 */
export const CI_PINNED_SEED = 20_240_415;

export function chooseSeed(explicit: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (explicit !== undefined) return explicit;
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return CI_PINNED_SEED;
  return Math.floor(Math.random() * 0x7fffffff);
}
