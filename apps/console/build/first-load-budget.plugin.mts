import { gzipSync } from 'node:zlib';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import { FIRST_LOAD_BUDGET_GZIP_BYTES } from './first-load-budget.constant.mts';

/**
 * Fails the build when the JavaScript a first visit loads (the entry chunk and every chunk it imports
 * statically, not the pages loaded on demand) exceeds the budget, gzipped as it goes over the wire.
 */
export function firstLoadBudget(budgetBytes = FIRST_LOAD_BUDGET_GZIP_BYTES): Plugin {
  return {
    name: 'tenantpay-first-load-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const bytes = firstLoadGzipBytes(bundle);
      const summary = `first load: ${(bytes / 1024).toFixed(1)} kB of gzipped JS (budget ${budgetBytes / 1024} kB)`;
      if (bytes > budgetBytes) this.error(`${summary}: over budget`);
      this.info(summary);
    },
  };
}

export function firstLoadGzipBytes(bundle: OutputBundle): number {
  const chunks = Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set<string>();
  const visit = (fileName: string): void => {
    const chunk = byName.get(fileName);
    if (chunk === undefined || loaded.has(fileName)) return;
    loaded.add(fileName);
    chunk.imports.forEach(visit);
  };
  chunks.filter((chunk) => chunk.isEntry).forEach((chunk) => visit(chunk.fileName));
  let total = 0;
  for (const fileName of loaded) total += gzipSync(byName.get(fileName)?.code ?? '').length;
  return total;
}
