// The child process that checks one spec (`checkSpec`), so that a spec which crashes, hangs or exhausts memory takes
// down only its own process: the pool kills it at its time limit, and V8's heap limit is set on its command line.
import { checkSpec } from "./check-spec.js";
import { generatorHash } from "./result.js";

const [repo, corpusPackage, root, id, specFile] = process.argv.slice(2) as [string, string, string, string, string];
// The inputs as this process loads them (they may have changed since the run started): the result is stored under them.
const generator = generatorHash(repo, corpusPackage);
const check = await checkSpec({ repo, corpusPackage, root, id, specFile });
// maxRSS is in kilobytes: the process's peak, which is this one spec's, since the process checks only it.
process.send!({ check, generator, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, () => process.exit(0));
