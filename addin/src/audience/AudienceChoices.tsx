import type { ListSummary } from '../../../shared/api';
import type { Mailing, UpdateMailing } from '../app/mailing';
import { AddressColumns } from './AddressColumns';
import { addressCandidates } from './addressChoice';
import type { InvalidExclusion } from './exclusions';
import { ExclusionsField } from './ExclusionsField';

/**
 * The choices after the filter: which address columns and how many addresses per row (lists with
 * several), and the addresses or domains to leave out of this run.
 */
export function AudienceChoices(props: { list: ListSummary; mailing: Mailing; update: UpdateMailing; invalid: InvalidExclusion[] }) {
  const { list, mailing, update } = props;
  const candidates = addressCandidates(list, mailing.emailColumn);
  return (
    <>
      {candidates.length > 1 && (
        <AddressColumns
          candidates={candidates}
          emailColumn={mailing.emailColumn}
          value={mailing.addressChoice}
          onChange={(addressChoice) => update({ addressChoice })}
        />
      )}
      <ExclusionsField value={mailing.exclusions} invalid={props.invalid} onChange={(exclusions) => update({ exclusions })} />
    </>
  );
}
