/** Types of ./stamp.js (plain JavaScript: the gulpfile requires it too). */
export declare const STAMP: string;
export declare function buildInputs(root: string): Record<string, string>;
export declare function writeBuildStamp(root: string): void;
export declare function staleBuild(root: string): string | undefined;
