// Custom search attributes: operators list and filter repairs by these in the Temporal Web UI.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const RepairProvider = defineSearchAttributeKey('RepairProvider', SearchAttributeType.KEYWORD);
export const RepairErrorType = defineSearchAttributeKey('RepairErrorType', SearchAttributeType.KEYWORD);
export const RepairState = defineSearchAttributeKey('RepairState', SearchAttributeType.KEYWORD);
export const RepairOrgId = defineSearchAttributeKey('RepairOrgId', SearchAttributeType.KEYWORD);
export const RepairStoreCount = defineSearchAttributeKey('RepairStoreCount', SearchAttributeType.INT);
/** Who took the repair in hand (an alert's answer); unset until someone did: `RepairAcknowledgedBy IS NULL` lists the unowned. */
export const RepairAcknowledgedBy = defineSearchAttributeKey('RepairAcknowledgedBy', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTES = [RepairProvider, RepairErrorType, RepairState, RepairOrgId, RepairStoreCount, RepairAcknowledgedBy];

/** `Name=Type` pairs as `temporal server start-dev --search-attribute` takes them. */
export function searchAttributeFlags(): string[] {
  const cliType: Record<string, string> = { KEYWORD: 'Keyword', INT: 'Int', TEXT: 'Text', BOOL: 'Bool', DOUBLE: 'Double', DATETIME: 'Datetime', KEYWORD_LIST: 'KeywordList' };
  return SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=${cliType[key.type]}`]);
}
