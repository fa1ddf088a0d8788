import { RouteDef } from "../context";
import { attachmentRoutes } from "./attachments";
import { batchRoutes } from "./batch";
import { contactRoutes } from "./contacts";
import { groupRoutes } from "./groups";
import { mailFolderRoutes } from "./mail-folders";
import { messageActionRoutes } from "./message-actions";
import { messageRoutes } from "./messages";
import { uploadRoutes } from "./uploads";
import { userRoutes } from "./users";

/** Every endpoint the emulator serves, in matching order. */
export const allRoutes: RouteDef[] = [
  ...userRoutes,
  ...mailFolderRoutes,
  ...messageRoutes,
  ...messageActionRoutes,
  ...attachmentRoutes,
  ...uploadRoutes,
  ...contactRoutes,
  ...groupRoutes,
  ...batchRoutes,
];
