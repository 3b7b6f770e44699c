/**
 * An optional provider: the MongoDB driver `Connection` subclass every socket of the application's
 * MongoClient is built from (the driver's `connectionType` option). The platform only passes it through;
 * data isolation binds it to its command wall, so that every command the process sends is checked at the
 * one place the driver turns commands into bytes.
 */
export const MONGO_DRIVER_CONNECTION_CLASS = Symbol('MONGO_DRIVER_CONNECTION_CLASS');
