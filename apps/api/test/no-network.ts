import net from 'node:net';

// Any connection to a host outside this machine fails the test that made it.
// eslint-disable-next-line @typescript-eslint/unbound-method -- re-applied with the socket as `this` below
const originalConnect = net.Socket.prototype.connect;
const LOCAL = /^(127\.|::1$|localhost$|\/)/;

net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
  const [first] = args;
  const options = typeof first === 'object' && first !== null ? (first as { host?: string; path?: string }) : null;
  const host = options ? (options.path ?? options.host ?? 'localhost') : typeof args[1] === 'string' ? args[1] : 'localhost';
  if (!LOCAL.test(host)) throw new Error(`Test tried to reach ${host}: tests must stay on localhost`);
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
};
