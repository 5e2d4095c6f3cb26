// The 15 providers that support self-repair, in the order the product lists them. This is the one
// place the list lives: classification, the sandbox, GET /v1/providers and the help center read it.
import type { ProviderEntry } from '../types.js';
import { baemin } from './baemin.provider.js';
import { chownow } from './chownow.provider.js';
import { coupangEats } from './coupang-eats.provider.js';
import { deliveroo } from './deliveroo.provider.js';
import { doordash } from './doordash.provider.js';
import { foodpandaWeb } from './foodpanda-web.provider.js';
import { glovo } from './glovo.provider.js';
import { grubhub } from './grubhub.provider.js';
import { jahez } from './jahez.provider.js';
import { justEat } from './just-eat.provider.js';
import { rappi } from './rappi.provider.js';
import { skipTheDishes } from './skipthedishes.provider.js';
import { takeawayWeb } from './takeaway-web.provider.js';
import { uberEats } from './uber-eats.provider.js';
import { yogiyo } from './yogiyo.provider.js';

export const PROVIDERS: readonly ProviderEntry[] = [
  uberEats,
  doordash,
  grubhub,
  skipTheDishes,
  deliveroo,
  justEat,
  coupangEats,
  baemin,
  rappi,
  chownow,
  yogiyo,
  jahez,
  glovo,
  takeawayWeb,
  foodpandaWeb,
];
