// Types of bundle.mjs (a plain module, so scripts/run.mjs can import it without a TypeScript loader).
export declare function bundleScript(entryPoint: string, outfile: string): Promise<void>;
