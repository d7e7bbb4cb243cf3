import { executeServerCommand } from '@web/test-runner-commands';

/** What a test WebSocket server (test/support/ws-servers.mjs) reports about itself. */
export interface ServerInfo {
  id: number;
  port: number;
  url: string;
  running: boolean;
  /** Sockets open right now. */
  open: number;
  /** Sockets ever accepted, across restarts. */
  connections: number;
  /** Every message received, across restarts (JSON parsed). */
  received: { type?: string; id?: string; [key: string]: unknown }[];
}

/** A real `ws` server on a loopback port, run by the test runner's node process. */
export class TestServer {
  private constructor(public info: ServerInfo) {}

  static async start(options: { ack?: boolean; silent?: boolean; delayMs?: number } = {}): Promise<TestServer> {
    return new TestServer(await executeServerCommand<ServerInfo, object>('ws-start', options));
  }

  get url(): string {
    return this.info.url;
  }

  private async run(command: string, payload: object = {}): Promise<ServerInfo> {
    this.info = await executeServerCommand<ServerInfo, object>(command, { id: this.info.id, ...payload });
    return this.info;
  }

  /** Terminates every socket (no close frame) and stops listening. */
  kill = () => this.run('ws-kill');
  restart = () => this.run('ws-restart');
  send = (message: unknown, snapshot = false) => this.run('ws-send', { message, snapshot });
  snapshot = (message: unknown) => this.run('ws-snapshot', { message });
  refresh = () => this.run('ws-info');
  stop = () => executeServerCommand('ws-stop', { id: this.info.id });
}
