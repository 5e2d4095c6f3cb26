// Every migration, in order. `npm run migration:create -- name_with_underscores` writes a new file; add it here.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123073800_initial_registry } from './Migration20261123073800_initial_registry.js';
import { Migration20261123075528_repair_engine } from './Migration20261123075528_repair_engine.js';
import { Migration20261123081127_alerts_and_contacts } from './Migration20261123081127_alerts_and_contacts.js';
import { Migration20261123084327_webhooks } from './Migration20261123084327_webhooks.js';
import { Migration20261123084952_support_tickets } from './Migration20261123084952_support_tickets.js';

import { Migration20261123085458_store_sales_profile } from './Migration20261123085458_store_sales_profile.js';
import { Migration20261123085600_provider_status } from './Migration20261123085600_provider_status.js';
import { Migration20261123085833_connection_probes } from './Migration20261123085833_connection_probes.js';
import { Migration20261202010000_one_open_repair_per_connection } from './Migration20261202010000_one_open_repair_per_connection.js';
import { Migration20261202020000_read_path_indexes } from './Migration20261202020000_read_path_indexes.js';
import { Migration20261203174107_merchant_sessions } from './Migration20261203174107_merchant_sessions.js';
import { Migration20261203180000_idempotency_keys } from './Migration20261203180000_idempotency_keys.js';
import { Migration20261203203000_notifications } from './Migration20261203203000_notifications.js';
import { Migration20261206121633_short_links } from './Migration20261206121633_short_links.js';
import { Migration20261206150000_alert_answers } from './Migration20261206150000_alert_answers.js';
import { Migration20261206151000_closures_and_contact_confirmation } from './Migration20261206151000_closures_and_contact_confirmation.js';
import { Migration20261206152000_whatsapp_channel } from './Migration20261206152000_whatsapp_channel.js';
import { Migration20261206153000_cloudprnt_printers } from './Migration20261206153000_cloudprnt_printers.js';
import { Migration20261206154000_help_conversations } from './Migration20261206154000_help_conversations.js';
import { Migration20261206170000_twilio_inbound_messages } from './Migration20261206170000_twilio_inbound_messages.js';
import { Migration20261206180000_notifier_wakes } from './Migration20261206180000_notifier_wakes.js';
import { Migration20261207000000_read_revisions } from './Migration20261207000000_read_revisions.js';

export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123073800_initial_registry', class: Migration20261123073800_initial_registry },
  { name: 'Migration20261123075528_repair_engine', class: Migration20261123075528_repair_engine },
  { name: 'Migration20261123081127_alerts_and_contacts', class: Migration20261123081127_alerts_and_contacts },
  { name: 'Migration20261123084327_webhooks', class: Migration20261123084327_webhooks },
  { name: 'Migration20261123084952_support_tickets', class: Migration20261123084952_support_tickets },
  { name: 'Migration20261123085458_store_sales_profile', class: Migration20261123085458_store_sales_profile },
  { name: 'Migration20261123085600_provider_status', class: Migration20261123085600_provider_status },
  { name: 'Migration20261123085833_connection_probes', class: Migration20261123085833_connection_probes },
  { name: 'Migration20261202010000_one_open_repair_per_connection', class: Migration20261202010000_one_open_repair_per_connection },
  { name: 'Migration20261202020000_read_path_indexes', class: Migration20261202020000_read_path_indexes },
  { name: 'Migration20261203174107_merchant_sessions', class: Migration20261203174107_merchant_sessions },
  { name: 'Migration20261203180000_idempotency_keys', class: Migration20261203180000_idempotency_keys },
  { name: 'Migration20261203203000_notifications', class: Migration20261203203000_notifications },
  { name: 'Migration20261206121633_short_links', class: Migration20261206121633_short_links },
  { name: 'Migration20261206150000_alert_answers', class: Migration20261206150000_alert_answers },
  { name: 'Migration20261206151000_closures_and_contact_confirmation', class: Migration20261206151000_closures_and_contact_confirmation },
  { name: 'Migration20261206152000_whatsapp_channel', class: Migration20261206152000_whatsapp_channel },
  { name: 'Migration20261206153000_cloudprnt_printers', class: Migration20261206153000_cloudprnt_printers },
  { name: 'Migration20261206154000_help_conversations', class: Migration20261206154000_help_conversations },
  { name: 'Migration20261206170000_twilio_inbound_messages', class: Migration20261206170000_twilio_inbound_messages },
  { name: 'Migration20261206180000_notifier_wakes', class: Migration20261206180000_notifier_wakes },
  { name: 'Migration20261207000000_read_revisions', class: Migration20261207000000_read_revisions },
];
