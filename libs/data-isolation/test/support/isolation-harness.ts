import {
  DataIsolationService,
  MongoCommandWall,
  setIsolationGuardViolationListener,
  WallCollectionRegistry,
  walledConnectionClass,
} from '../../src';
import { TenantContextService } from '@tenantpay/tenancy';
import { type Connection, type Model, Mongoose, Schema } from 'mongoose';
import { ExampleContactRepository } from '../fixtures/example-contact.repository';
import {
  EXAMPLE_CONTACT_MODEL,
  type ExampleContact,
  ExampleContactSchema,
} from '../fixtures/example-contact.schema';
import { ExamplePaymentRepository } from '../fixtures/example-payment.repository';
import {
  EXAMPLE_PAYMENT_MODEL,
  type ExamplePayment,
  ExamplePaymentSchema,
} from '../fixtures/example-payment.schema';
import { CommandProbe } from './command-probe';
import { InMemorySecurityEventRecorder } from './in-memory-security-event-recorder';

export const SHARED_CURRENCY_COLLECTION = 'example_currencies';
export const UNLISTED_COLLECTION = 'example_unlisted';

export interface IsolationHarness {
  readonly mongoose: Mongoose;
  readonly connection: Connection;
  readonly payments: Model<ExamplePayment>;
  readonly contacts: Model<ExampleContact>;
  readonly paymentRepository: ExamplePaymentRepository;
  readonly contactRepository: ExampleContactRepository;
  readonly isolation: DataIsolationService;
  readonly recorder: InMemorySecurityEventRecorder;
  readonly guardViolations: unknown[];
  readonly probe: CommandProbe;
  /** The command wall under the connection, as DataIsolationModule installs it in the applications. */
  readonly wall: MongoCommandWall;
  close(): Promise<void>;
}

/**
 * Platform-owned collections keyed by tenant, named as the product's are: tenant pipelines must not join them,
 * and a tenant context touches only its own documents there.
 */
export const TENANT_KEYED_COLLECTIONS = ['audit_events', 'usage_records', 'support_sessions'] as const;

/**
 * Wires the library the way an application does (safety defaults, one walled connection with command
 * monitoring, the two example repositories) against the test MongoDB, plus a shared collection that is on the
 * join allow-list, a platform-owned one, and one that is on no list.
 */
export async function startIsolationHarness(uri: string): Promise<IsolationHarness> {
  const mongoose = new Mongoose();
  const wall = new MongoCommandWall(
    new TenantContextService(),
    new WallCollectionRegistry({
      sharedCollections: [SHARED_CURRENCY_COLLECTION],
      tenantKeyedCollections: TENANT_KEYED_COLLECTIONS,
    }),
  );
  const connection = await mongoose
    .createConnection(uri, { monitorCommands: true, connectionType: walledConnectionClass(wall) } as object)
    .asPromise();
  const probe = new CommandProbe(connection);
  const payments = connection.model<ExamplePayment>(EXAMPLE_PAYMENT_MODEL, ExamplePaymentSchema);
  const contacts = connection.model<ExampleContact>(EXAMPLE_CONTACT_MODEL, ExampleContactSchema);
  connection.model(
    'ExampleCurrency',
    new Schema({ code: String, digits: Number }, { collection: SHARED_CURRENCY_COLLECTION }),
  );
  connection.model('ExampleUnlisted', new Schema({ code: String }, { collection: UNLISTED_COLLECTION }));
  await Promise.all([payments.init(), contacts.init()]);

  const recorder = new InMemorySecurityEventRecorder();
  const isolation = new DataIsolationService(new TenantContextService(), recorder, {
    sharedCollections: [SHARED_CURRENCY_COLLECTION],
  });
  const guardViolations: unknown[] = [];
  setIsolationGuardViolationListener((violation) => guardViolations.push(violation));
  wall.onRefusal((refusal, command, collection) =>
    isolation.recordRefusal(refusal, command, collection ?? ''),
  );
  return {
    mongoose,
    connection,
    payments,
    contacts,
    paymentRepository: new ExamplePaymentRepository(payments, isolation),
    contactRepository: new ExampleContactRepository(contacts, isolation),
    isolation,
    recorder,
    guardViolations,
    probe,
    wall,
    close: async () => {
      setIsolationGuardViolationListener(undefined);
      wall.onRefusal(undefined);
      probe.stop();
      await connection.close();
    },
  };
}
