/**
 * A Vite plugin that asks the browser to compile, while the script downloads, the code a page runs to draw its
 * first chart, rather than function by function on the main thread as the code first runs.
 *
 * V8 compiles a script's top level when it arrives and each function lazily, on its first call. Every function
 * the first chart calls (Svelte's mount, Plot's scales and marks, Arquero's table) was compiled inside the task
 * that called it, which made the task that evaluates the modules and the task that mounts the view and draws
 * the chart long ones. Chromium's explicit compile
 * hint, the comment `//# allFunctionsCalledOnLoad` on a script's first line (Chrome 136 and later; other browsers
 * read a comment), compiles all of the file's functions on the background thread that parses it as it streams
 * in. It is set on the files a page loads at start (its entry and the chunks the entry imports statically), not
 * on the chunks fetched on first use (the import panel, the downloads, the other views), which then compile as
 * before. It changes when code is compiled, never what it does.
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

interface Chunkish {
  type: 'chunk' | 'asset';
  isEntry?: boolean;
  imports?: string[];
}

/** The file names of the chunks a page loads at start: entries and, transitively, their static imports. */
export function loadedAtStart(bundle: Record<string, Chunkish>): string[] {
  const found = new Set<string>();
  const visit = (file: string) => {
    const chunk = bundle[file];
    if (!chunk || chunk.type !== 'chunk' || found.has(file)) return;
    found.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [file, chunk] of Object.entries(bundle)) if (chunk.isEntry) visit(file);
  return [...found].sort();
}

export function compileHints(): Plugin {
  return {
    name: 'compile-hints',
    apply: 'build',
    // After minification, which would drop the comment; the hint is the same for every build of a file, so
    // the hashed name still names its content. The build-time render imports the server build, not these files.
    // Last of the plugins: Vite's own puts the lazy chunks' file list at the top of an entry in this hook.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of loadedAtStart(bundle as Record<string, Chunkish>)) {
          const chunk = bundle[file];
          if (chunk?.type === 'chunk' && !chunk.code.startsWith(COMPILE_HINT))
            chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
        }
      },
    },
  };
}
