import { DataIsolationService, setIsolationGuardViolationListener } from '../../src';
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
  close(): Promise<void>;
}

/**
 * Wires the library the way an application does (safety defaults, one connection with command monitoring,
 * the two example repositories) against the test MongoDB, plus a shared collection that is on the join
 * allow-list and one that is not.
 */
export async function startIsolationHarness(uri: string): Promise<IsolationHarness> {
  const mongoose = new Mongoose();
  const connection = await mongoose.createConnection(uri, { monitorCommands: true }).asPromise();
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
    close: async () => {
      setIsolationGuardViolationListener(undefined);
      probe.stop();
      await connection.close();
    },
  };
}
