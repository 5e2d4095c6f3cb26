export * from './brand.entity.js';
export * from './connection.entity.js';
export * from './location.entity.js';
export * from './org.entity.js';
export * from './store.entity.js';
export * from './user.entity.js';
export * from './repair.entity.js';
export * from './repair-event.entity.js';
export * from './pending-secret.entity.js';
export * from './notification-intent.entity.js';
export * from './org-contacts.entity.js';
export * from './notification.entity.js';
export * from './webhook.entity.js';
export * from './support-ticket.entity.js';
export * from './provider-status.entity.js';
export * from './merchant-session.entity.js';
export * from './short-link.entity.js';

import { Brand } from './brand.entity.js';
import { Connection } from './connection.entity.js';
import { Location } from './location.entity.js';
import { Org } from './org.entity.js';
import { Store } from './store.entity.js';
import { User } from './user.entity.js';
import { NotificationIntent } from './notification-intent.entity.js';
import { OrgContacts } from './org-contacts.entity.js';
import { Notification } from './notification.entity.js';
import { WebhookDelivery, WebhookSubscription } from './webhook.entity.js';
import { SupportTicket, TicketMessage } from './support-ticket.entity.js';
import { ProviderStatus } from './provider-status.entity.js';
import { PendingSecret } from './pending-secret.entity.js';
import { Repair } from './repair.entity.js';
import { RepairEvent } from './repair-event.entity.js';
import { MerchantSession } from './merchant-session.entity.js';
import { ShortLink } from './short-link.entity.js';

/** Every entity, for the ORM configuration. */
export const ALL_ENTITIES = [Org, User, Location, Brand, Store, Connection, Repair, RepairEvent, PendingSecret, NotificationIntent, OrgContacts, Notification, WebhookSubscription, WebhookDelivery, SupportTicket, TicketMessage, ProviderStatus, MerchantSession, ShortLink];
