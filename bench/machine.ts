// The machine the figures ran on.
import os from 'node:os';
import fs from 'node:fs';

interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  kernel: string;
  fdLimit: string;
  ephemeralPorts: string;
}

const read = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8').trim().replace(/\s+/g, '–');
  } catch {
    return 'unknown';
  }
};

export function machine(fdLimit: string): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    kernel: os.release(),
    fdLimit,
    ephemeralPorts: read('/proc/sys/net/ipv4/ip_local_port_range'),
  };
}
