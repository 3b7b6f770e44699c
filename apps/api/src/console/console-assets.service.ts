import { Injectable, Logger } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { consoleBuildDirectory } from './console-build-directory';
import { CONSOLE_CONTENT_TYPES, HTML_CONTENT_TYPE, PLATFORM_CONSOLE_PAGE } from './console.constant';

export interface ConsoleAsset {
  readonly body: Buffer;
  readonly contentType: string;
}

/**
 * The consoles' built files (`vite build` into dist/apps/console), read once at boot: the staff console's page
 * (index.html), the platform console's (platform.html) and the assets both share; only the files found here can
 * ever be served (a name is a key in this map, never a path on disk). An API started without a built console
 * (most API tests) still serves the API and answers the consoles' pages with a clear 503.
 */
@Injectable()
export class ConsoleAssetsService {
  private readonly logger = new Logger(ConsoleAssetsService.name);
  private readonly page: ConsoleAsset | undefined;
  private readonly platformPage: ConsoleAsset | undefined;
  private readonly assets = new Map<string, ConsoleAsset>();

  constructor() {
    const directory = consoleBuildDirectory();
    const indexFile = path.join(directory, 'index.html');
    if (!existsSync(indexFile)) {
      this.logger.warn(`The staff console is not built (${indexFile} is missing): run npm run build.`);
      return;
    }
    this.page = { body: readFileSync(indexFile), contentType: HTML_CONTENT_TYPE };
    const platformFile = path.join(directory, PLATFORM_CONSOLE_PAGE);
    if (existsSync(platformFile))
      this.platformPage = { body: readFileSync(platformFile), contentType: HTML_CONTENT_TYPE };
    else
      this.logger.warn(`The platform console is not built (${platformFile} is missing): run npm run build.`);
    const assetsDirectory = path.join(directory, 'assets');
    for (const name of readdirSync(assetsDirectory)) {
      const contentType = CONSOLE_CONTENT_TYPES[path.extname(name)];
      if (contentType === undefined) continue;
      this.assets.set(name, { body: readFileSync(path.join(assetsDirectory, name)), contentType });
    }
  }

  /** index.html, the one page of every console screen; undefined when the console was not built. */
  findPage(): ConsoleAsset | undefined {
    return this.page;
  }

  /** platform.html, the one page of every platform console screen (on `admin.{BASE_DOMAIN}`). */
  findPlatformPage(): ConsoleAsset | undefined {
    return this.platformPage;
  }

  /** A content-hashed script, style or image under /assets. */
  findAsset(name: string): ConsoleAsset | undefined {
    return this.assets.get(name);
  }
}
