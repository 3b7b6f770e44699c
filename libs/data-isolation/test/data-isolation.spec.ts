// The data-isolation library's specs, in one test file: Jest gives each test file its own module registry, and
// loading the library's modules (Mongoose, the engine's client) into one costs more CPU than most of these
// tests; here they are loaded once. Each `*.tests.ts` still has its own database. The isolation property spec
// (the longest) stays a file of its own.
import './command-wall.tests';
import './placement-write-gate.tests';
import './platform-repository.tests';
import './tenant-aware-repository.tests';
import './tenant-isolation-plugin.tests';
import './transaction.service.tests';
