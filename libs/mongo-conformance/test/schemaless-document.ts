import type { Document, ObjectId } from 'mongodb';

/**
 * Conformance tests exercise the server with several _id types; the driver's default `Document` typing
 * assumes ObjectId ids, so collections in these tests are opened with this type instead.
 */
export interface SchemalessDocument extends Document {
  _id?: ObjectId | string | number;
}
