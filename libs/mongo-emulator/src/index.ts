export { MongoEmulator, type MongoEmulatorOptions } from './mongo-emulator';
