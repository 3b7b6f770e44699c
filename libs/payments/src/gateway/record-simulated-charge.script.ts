/**
 * The simulated gateway's ledger entry for a charge: its outcome is recorded once per idempotency key
 * (`SET NX EX`) and, when money moved, counted in the same atomic step. Two separate commands would let a
 * worker killed between them leave a charge recorded but uncounted, and the ledger would then report a
 * completed payment as never charged.
 *
 * KEYS: 1 charge record, 2 charge count (both hash-tagged with the idempotency key).
 * ARGV: 1 outcome JSON, 2 TTL s, 3 '1' when money moved.
 * Reply: 1 recorded now, 0 already recorded (the caller reads the recorded outcome).
 */
export const RECORD_SIMULATED_CHARGE_SCRIPT = `
if not redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2], 'NX') then return 0 end
if ARGV[3] == '1' then
  redis.call('INCR', KEYS[2])
  redis.call('EXPIRE', KEYS[2], ARGV[2])
end
return 1
`;
