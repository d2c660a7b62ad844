// The bit of a W3C Bitstring Status List, read by an independent library (Digital Bazaar's
// reference implementation), not by the hub's code: `node status-bit.mjs <encodedList> <index>`
// prints {"length": <entries>, "set": <true|false>}. ESM-only, so the jest tests run it as a
// child process (test/training.test.ts).
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';

const [encodedList, index] = process.argv.slice(2);
const list = await decodeList({ encodedList });
process.stdout.write(JSON.stringify({ length: list.length, set: list.getStatus(Number(index)) }) + '\n');
