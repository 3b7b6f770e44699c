/** Where the bootstrap command takes the new operator's email and password from. */
export interface BootstrapCredentials {
  readonly email: string;
  readonly password: string;
}

/**
 * Email: `--email <address>` or PLATFORM_ADMIN_EMAIL. Password: PLATFORM_ADMIN_PASSWORD, else the first line of
 * standard input — never an argument, which other users of the machine could read in the process list.
 */
export async function readBootstrapCredentials(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  stdin: NodeJS.ReadableStream,
): Promise<BootstrapCredentials> {
  if (argv.some((argument) => argument.startsWith('--password')))
    throw new Error(
      'Pass the password in PLATFORM_ADMIN_PASSWORD or on standard input, never as an argument.',
    );
  const flag = argv.indexOf('--email');
  const email = (flag >= 0 ? argv[flag + 1] : undefined) ?? environment['PLATFORM_ADMIN_EMAIL'];
  if (email === undefined || !/^[^\s@]+@[^\s@]+$/.test(email))
    throw new Error('Give the operator email as --email <address> or PLATFORM_ADMIN_EMAIL.');
  const password = environment['PLATFORM_ADMIN_PASSWORD'] ?? (await firstLine(stdin));
  if (password === '') throw new Error('Give the password in PLATFORM_ADMIN_PASSWORD or on standard input.');
  return { email, password };
}

async function firstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return (text.split(/\r?\n/)[0] ?? '').trimEnd();
}
