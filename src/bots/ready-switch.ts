// Whether a channel is connected now: the outbox sends through a channel only while it is ready
// (a polling loop running, a WhatsApp session up). Shared by the channels' senders.
export abstract class ReadySwitch {
  private ready = false;

  isReady(): boolean {
    return this.ready;
  }

  setReady(ready: boolean): void {
    this.ready = ready;
  }
}
