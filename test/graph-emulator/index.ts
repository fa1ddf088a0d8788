/** The Microsoft Graph v1.0 emulator that Seriatim's Graph mail provider is tested against. */
export { GraphEmulator, startGraphEmulator } from "./emulator";
export type { EmulatorOptions, IncomingMessageInput } from "./emulator";
export type { SentRecord } from "./delivery";
export type { DirectoryGroup, DirectoryUser, NewGroup, NewUser } from "./directory";
export type { NewContact, StoredContact } from "./address-book";
export type { FaultAction, FaultHandle, FaultRule, Faults } from "./faults";
export { DEFAULT_LIMITS } from "./limits";
export type { LimitCounters, LimitSettings, Limits } from "./limits";
export type { Mailbox } from "./mailbox";
export type { AttachmentKind, ExtendedProperty, InternetMessageHeader, MailFolder, Recipient, StoredAttachment, StoredMessage } from "./message-model";
export type { IssueTokenOptions } from "./tokens";
