export { MongoEmulator, type MongoEmulatorOptions } from './mongo-emulator';
export { CorruptDataFileError } from './persistence/corrupt-data-file.error';
