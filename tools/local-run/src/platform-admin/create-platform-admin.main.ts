/**
 * `npm run platform:create-admin -- --email ops@bank-platform.example` (password from PLATFORM_ADMIN_PASSWORD or
 * standard input): creates the first super-admin of a real deployment, whose demo seed is not for production.
 * Safe to run again: an existing operator with that email is left exactly as it is (exit 0). A password that
 * breaks the policy is refused (exit 1). Needs the deployment's environment (MONGODB_URI, REDIS_URL, …) and a
 * build (`npm run build`).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  EmailAlreadyRegisteredException,
  PlatformUsersService,
  WeakPasswordException,
} from '@tenantpay/identity';
import { loadConfigOrExit } from '@tenantpay/platform';
import { IdentityToolingModule } from '../identity-tooling.module';
import { readBootstrapCredentials } from './read-bootstrap-credentials';

const say = (line: string) => process.stdout.write(`[platform:create-admin] ${line}\n`);

async function main(): Promise<number> {
  const config = loadConfigOrExit(process.env);
  const credentials = await readBootstrapCredentials(process.argv.slice(2), process.env, process.stdin);
  const app = await NestFactory.createApplicationContext(IdentityToolingModule.forRoot(config), {
    logger: false,
    abortOnError: false,
  });
  try {
    const created = await app.get(PlatformUsersService).create(credentials.email, credentials.password);
    say(
      `created super-admin ${created.email} (${created._id.toHexString()}); sign in at POST /v1/platform/auth/login`,
    );
    return 0;
  } catch (error) {
    if (error instanceof EmailAlreadyRegisteredException) {
      say(`a platform user ${credentials.email.trim().toLowerCase()} already exists; nothing changed`);
      return 0;
    }
    if (error instanceof WeakPasswordException) {
      say(`refused: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
