// The Star CloudPRNT conversation as the printer speaks it: a JSON poll (POST), a job fetch (GET)
// and a confirmation (DELETE), each naming the printer by MAC address.
import { Type } from '@fastify/type-provider-typebox';
import { MAC_PATTERN } from '../../../core/services/printers/mac-address.js';
import { LineText } from '../../schemas/text.schemas.js';

/** What we offer each ticket as: StarPRNT for Star printers, ESC/POS for Epson-compatible ones, and plain text. */
export const MEDIA_TYPES = ['application/vnd.star.starprnt', 'application/vnd.escpos', 'text/plain'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

const Mac = Type.String({ pattern: MAC_PATTERN, description: 'The printer\'s MAC address, e.g. 00:11:62:0a:1b:2c.' });
const Token = Type.String({ pattern: '^pjb_[0-9a-z]{1,64}$', description: 'The jobToken of the poll answer.' });
/** The printer's own status: `200 OK`, `211 Paper low`, `410 Out of paper`… (sent URL-encoded in the poll). */
const StatusCode = LineText({ minLength: 2, maxLength: 80 });
// Printers of newer firmware send more (uid, retries, skipped jobs): read when named here, accepted otherwise.
const FirmwareExtras = { uid: Type.Optional(LineText({ maxLength: 64 })) };

export const PollBody = Type.Object(
  {
    printerMAC: Mac,
    statusCode: Type.Optional(StatusCode),
    status: Type.Optional(LineText({ maxLength: 256 })),
    printingInProgress: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: true, description: 'The printer\'s poll; fields beyond these (clientAction, barcodeReader, display…) are accepted and ignored.' },
);

export const PollAnswer = Type.Object({
  jobReady: Type.Boolean(),
  mediaTypes: Type.Optional(Type.Array(Type.Enum([...MEDIA_TYPES]))),
  jobToken: Type.Optional(Type.String()),
  deleteMethod: Type.Optional(Type.Literal('DELETE')),
});

export const FetchQuery = Type.Object({ mac: Mac, type: Type.Enum([...MEDIA_TYPES], { description: 'One of the poll answer\'s mediaTypes.' }), token: Token, ...FirmwareExtras }, { additionalProperties: false });

export const ConfirmQuery = Type.Object(
  {
    mac: Mac,
    token: Token,
    code: Type.String({ pattern: '^(OK|[0-9]{3}( [\\x20-\\x7E]{1,60})?)$', description: '`OK` or a 2xx code: printed; any other code (`520 …`): the printer could not print it.' }),
    ...FirmwareExtras,
    retry: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
    skip: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
    error: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  },
  { additionalProperties: false },
);

export const ConfirmAnswer = Type.Object({ state: Type.Enum(['printed', 'failed']) });
