-- ============================================================================================================
-- Reversal (退汇): the bank returned a paid amount. The instruction goes PAID → REVERSED and keeps what the
-- payment was (bank_reference, paid_on) next to what the return was; the ledger gets a REVERSED entry.
-- REVERSED is not in payment_instruction_one_open (PENDING/RELEASED/PAID): like FAILED, it frees the
-- entitlement for the programme's next batch, which instructs it again (attempt n + 1). payment_line_once still
-- holds: one entitlement per programme, period and beneficiary, and at most one open or paid attempt of it.
-- ============================================================================================================
alter table payment_instruction drop constraint payment_instruction_status_check;
alter table payment_instruction add constraint payment_instruction_status_check
    check (status in ('PENDING', 'RELEASED', 'PAID', 'FAILED', 'CANCELLED', 'REVERSED'));

alter table payment_instruction
    add column returned_on        date,
    add column reversal_reason    varchar(200),
    add column reversal_reference varchar(64),
    add column reversed_by        varchar(100),
    add column reversed_at        timestamptz;

-- a reversed instruction was paid, and says when and why the money came back; no other status carries a return
alter table payment_instruction add constraint payment_instruction_reversal check (
    case when status = 'REVERSED'
         then paid_on is not null and returned_on is not null and returned_on >= paid_on
              and reversal_reason is not null and reversed_by is not null and reversed_at is not null
         else returned_on is null and reversal_reason is null and reversal_reference is null
              and reversed_by is null and reversed_at is null end);
