import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(dir: string, pid: number) {
    super(
      `数据目录 ${dir} 正被另一个博爱进程 (pid ${pid}) 使用。内置数据库同一时间只能由一个进程打开；` +
        `请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL。 ` +
        `(The data folder is in use by another Boai process, pid ${pid}.)`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lockfile (O_EXCL create) holding our pid. A lockfile left by a process that died
 * (kill -9, power loss) is taken over, because its pid is no longer alive.
 */
export function acquireDataDirLock(dir: string): DataDirLock {
  const file = path.join(dir, 'boai.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            unlinkSync(file);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      // Held by this very process (opened twice) or by a live one: refuse. Otherwise its owner died.
      if (pid === process.pid || (Number.isInteger(pid) && pid > 0 && isAlive(pid))) {
        throw new DataDirLockedError(dir, pid);
      }
      unlinkSync(file);
    }
  }
  throw new Error(`could not lock ${dir}`);
}
