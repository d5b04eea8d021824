export declare function electronBinaryInstalled(): boolean;
export declare function passThroughArgs(args: readonly string[], callerDir: string): string[];
