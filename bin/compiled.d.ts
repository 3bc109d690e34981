/** Whether `root`/dist holds a build of the current sources under `root`/src (see compiled.js). */
export function compiledIsCurrent(root: string): boolean;
