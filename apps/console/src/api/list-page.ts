/** A page of a list route (`{ object: 'list', data, has_more }`); the document declares no body for most. */
export interface ListPage<T> {
  readonly data: readonly T[];
  readonly has_more: boolean;
}
