package care.subsidy.batch.service;

import care.subsidy.batch.domain.BatchStatus;
import care.subsidy.batch.domain.PaymentBatch;
import care.subsidy.batch.domain.PaymentBatchRepository;
import care.subsidy.programme.domain.Programme;
import care.subsidy.programme.domain.ProgrammeRepository;
import care.subsidy.programme.domain.ProgrammeVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates a batch in the background, set-based: entitlements are computed by INSERT … SELECT over the read model
 * in {@value #SLICES} slices of people, one transaction each, which also instructs the entitlements it created;
 * {@code subsidy.generation.parallelism} slices run at once (one per core), progress is written after each. A
 * last statement instructs every other open entitlement of the programme (earlier months, failed payments, grants).
 * Every step is idempotent ({@code payment_line_once}, {@code payment_instruction_one_open}), so a generation
 * interrupted by a crash is simply run again by {@link #resumeStalled()}; one that fails cancels the instructions
 * its slices had written, so their entitlements go to the next batch.
 *
 * <p><b>The monthly rule (nursing allowance).</b> A person is owed the allowance for month M when, on the last day
 * of M (China time), they are on an institution's roster in the programme's role (employed from ≤ that day,
 * employed until ≥ that day or open), hold a certificate of a type the version names valid that day (issued ≤ day ≤
 * valid until; Kunming: a 养老护理 vocational certificate, 000 §19 "取得养老护理职业资格证书"), and that institution —
 * as the register held it that day — is 已备案 (FILED), of the programme's sector and city, and of an eligible
 * 举办性质 and kind. The amount is the rate for the grade of that certificate held that day (the most recently
 * issued one) in the programme version in force that day. Someone on two rosters that day (a move between
 * institutions) is paid once, through the roster entry that started last. No pro-rating. A person with any roster
 * entry the register reports as disputed (two institutions claim them; the county has not decided) is not paid
 * while the dispute is open, through neither entry: a generation after the decision pays the month once.
 */
@ApplicationScoped
public class BatchGenerator {

    private static final Logger LOG = Logger.getLogger(BatchGenerator.class);
    /** People are split into this many slices by {@code caregiver.slice} (a hash of personKey, set on write). */
    public static final int SLICES = 16;
    /** One slice or the instruction step of a very large city must not hit the default 60 s transaction timeout. */
    static final int TIMEOUT_S = 600;

    private final EntityManager em;
    private final PaymentBatchRepository batches;
    private final ProgrammeRepository programmes;
    private final ExecutorService worker = Executors.newFixedThreadPool(1, r -> new Thread(r, "batch-generator"));
    /** Runs the slices of one generation; each holds its own connection and transaction. */
    private final ExecutorService sliceWorkers;
    /**
     * A generation whose heartbeat (written after each slice) is older than this has lost its worker. Far longer than
     * a slice of the largest city takes; the end-to-end fault tests, whose slices take milliseconds, set it shorter.
     */
    private final Duration stalledAfter;

    public BatchGenerator(EntityManager em, PaymentBatchRepository batches, ProgrammeRepository programmes,
                          @ConfigProperty(name = "subsidy.generation.parallelism", defaultValue = "2") int parallelism,
                          @ConfigProperty(name = "subsidy.generation.stalled-after", defaultValue = "2m")
                          Duration stalledAfter) {
        this.stalledAfter = stalledAfter;
        this.em = em;
        this.batches = batches;
        this.programmes = programmes;
        AtomicInteger n = new AtomicInteger();
        this.sliceWorkers = Executors.newFixedThreadPool(Math.max(1, parallelism),
                r -> new Thread(r, "batch-slice-" + n.incrementAndGet()));
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        sliceWorkers.shutdownNow();
    }

    public void submit(UUID batchId) {
        worker.execute(() -> generate(batchId));
    }

    /** A generation whose worker died (crash, restart) is taken up again; each step is idempotent. */
    @Scheduled(every = "${subsidy.generation.resume-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // not while it starts or stops (Hibernate closed)
    void resumeStalled() {
        List<UUID> stalled = QuarkusTransaction.requiringNew().call(() ->
                batches.stalled(Instant.now().minus(stalledAfter)).stream().map(b -> b.id).toList());
        for (UUID id : stalled) {
            LOG.infof("resuming stalled generation of batch %s", id);
            QuarkusTransaction.requiringNew().run(() -> batches.findById(id).heartbeatAt = Instant.now());
            submit(id);
        }
    }

    void generate(UUID batchId) {
        long started = System.nanoTime();
        try {
            PaymentBatch batch = QuarkusTransaction.requiringNew().call(() -> batches.findById(batchId));
            if (batch == null || batch.status != BatchStatus.GENERATING) {
                return;
            }
            Programme programme = QuarkusTransaction.requiringNew().call(() -> programmes.findById(batch.programmeCode));
            if (programme.kind.monthly()) {
                entitlements(batch, programme);
            } else {
                QuarkusTransaction.requiringNew().run(() -> progress(batchId, pendingDecisions(programme.code), 0));
            }
            long entitled = System.nanoTime();
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_S).run(() -> instruct(batch, programme));
            LOG.infof("batch %s: slices (entitlements and their instructions) %d ms, other open entitlements %d ms",
                    batchId, (entitled - started) / 1_000_000, (System.nanoTime() - entitled) / 1_000_000);
            LOG.infof("batch %s (%s %s) generated in %d ms", batchId, batch.programmeCode, batch.period,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.errorf(e, "generation of batch %s failed", batchId);
            QuarkusTransaction.requiringNew().run(() -> {
                int failed = em.createNativeQuery("""
                                update payment_batch set status = 'FAILED', failure = ?2, version = version + 1
                                where id = ?1 and status = 'GENERATING'""")
                        .setParameter(1, batchId).setParameter(2, String.valueOf(e.getMessage()))
                        .executeUpdate();
                if (failed == 1) { // what finished slices instructed goes back to the open entitlements
                    em.createNativeQuery("""
                                    update payment_instruction set status = 'CANCELLED', version = version + 1
                                    where batch_id = ?1 and status = 'PENDING'""")
                            .setParameter(1, batchId).executeUpdate();
                }
            });
        }
    }

    private void entitlements(PaymentBatch batch, Programme programme) {
        LocalDate lastDay = YearMonth.parse(batch.period).atEndOfMonth();
        ProgrammeVersion version = QuarkusTransaction.requiringNew().call(() ->
                programmes.versionOn(programme.code, lastDay)).orElseThrow(() ->
                new IllegalStateException("no parameters of " + programme.code + " in force on " + lastDay));
        long[] perChunk = new long[SLICES];
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select slice, count(distinct person_key)
                            from caregiver where city_code = :city and role = :role group by 1""")
                    .setParameter("city", batch.cityCode)
                    .setParameter("role", version.eligibleRole()).getResultList();
            rows.forEach(r -> perChunk[((Number) r[0]).intValue()] = ((Number) r[1]).longValue());
            long total = 0;
            for (long n : perChunk) {
                total += n;
            }
            progress(batch.id, total, 0);
        });
        List<Callable<Void>> slices = new ArrayList<>();
        for (int k = 0; k < SLICES; k++) {
            int chunk = k;
            slices.add(() -> {
                QuarkusTransaction.requiringNew().timeout(TIMEOUT_S).run(() -> slice(batch, programme, version,
                        lastDay, chunk, perChunk[chunk]));
                return null;
            });
        }
        // every slice ends (committed or rolled back) before this returns, so a failure sees them all done
        List<Future<Void>> done;
        try {
            done = sliceWorkers.invokeAll(slices);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted", e);
        }
        for (Future<Void> slice : done) {
            try {
                slice.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("generation interrupted", e);
            }
        }
    }

    /** One slice of people: their entitlements, and an instruction in this batch for each one created now. */
    private void slice(PaymentBatch batch, Programme programme, ProgrammeVersion version, LocalDate lastDay,
                       int chunk, long people) {
        em.createNativeQuery("""
                        with lines as (
                            insert into payment_line (programme_code, period, beneficiary_key, city_code,
                            division_code, institution_id, institution_uscc, institution_name, staff_id,
                            payee_name, masked_citizen_id, grade, amount_fen, basis)
                        select distinct on (c.person_key) :code, :period, c.person_key, s.city_code,
                            s.division_code, c.institution_id, iv.uscc, iv.name, c.staff_id, c.name,
                            c.masked_citizen_id, cert.grade, r.amount_fen,
                            concat(:lastDayText, ' 在岗持证 ', cert.grade, '；机构已备案 ', s.ownership,
                                   '；参数版本 #', :versionText, '（自 ', :effectiveFrom, '）')
                        from caregiver c
                        cross join lateral (
                            select cc.grade from caregiver_certificate cc
                            join programme_certificate_type pct on pct.version_id = :versionId
                                                               and pct.certificate_type = cc.certificate_type
                            where cc.staff_id = c.staff_id and cc.issued_on <= :lastDay
                              and (cc.valid_until is null or cc.valid_until >= :lastDay)
                            order by cc.issued_on desc limit 1) cert
                        cross join lateral (
                            select st.* from institution_state st
                            where st.institution_id = c.institution_id and st.effective_on <= :lastDay
                            order by st.effective_on desc, st.seq desc limit 1) s
                        join institution_view iv on iv.institution_id = c.institution_id
                        join programme_rate r on r.version_id = :versionId and r.rate_key = cert.grade
                        join programme_ownership po on po.version_id = :versionId and po.ownership = s.ownership
                        join programme_institution_kind pk on pk.version_id = :versionId and pk.kind = s.kind
                        where c.city_code = :city and c.role = :role
                          and (c.employed_from is null or c.employed_from <= :lastDay)
                          and (c.employed_until is null or c.employed_until >= :lastDay)
                          and s.filing_status = 'FILED' and s.sector = :sector and s.city_code = :city
                          and r.amount_fen > 0
                          and c.slice = :chunk
                          and not exists (select 1 from caregiver d where d.person_key = c.person_key and d.disputed)
                        order by c.person_key, c.employed_from desc nulls last, c.staff_id
                        on conflict on constraint payment_line_once do nothing
                        returning id, city_code, amount_fen)
                        insert into payment_instruction (id, line_id, batch_id, city_code, amount_fen,
                                                         attempt, status)
                        select gen_random_uuid(), id, :batch, city_code, amount_fen, 1, 'PENDING' from lines
                        on conflict do nothing""")
                .setParameter("code", programme.code).setParameter("period", batch.period)
                .setParameter("lastDay", lastDay).setParameter("versionId", version.id())
                .setParameter("lastDayText", lastDay.toString())
                .setParameter("versionText", String.valueOf(version.id()))
                .setParameter("effectiveFrom", version.effectiveFrom().toString())
                .setParameter("city", batch.cityCode).setParameter("role", version.eligibleRole())
                .setParameter("sector", programme.sector.name())
                .setParameter("chunk", chunk).setParameter("batch", batch.id)
                .executeUpdate();
        em.createNativeQuery("""
                        update payment_batch set processed = processed + ?2, heartbeat_at = now()
                        where id = ?1""")
                .setParameter(1, batch.id).setParameter(2, people).executeUpdate();
    }

    private long pendingDecisions(String programmeCode) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from payment_line l where l.programme_code = ?1 and not exists (
                            select 1 from payment_instruction p where p.line_id = l.id
                              and p.status in ('PENDING', 'RELEASED', 'PAID'))""")
                .setParameter(1, programmeCode).getSingleResult()).longValue();
    }

    private void progress(UUID batchId, long total, long processed) {
        em.createNativeQuery("""
                        update payment_batch set total = ?2, processed = ?3, heartbeat_at = now() where id = ?1""")
                .setParameter(1, batchId).setParameter(2, total).setParameter(3, processed).executeUpdate();
    }

    /**
     * Every open entitlement of the programme up to the batch's period without an open instruction (an earlier
     * month's, a failed payment's, a grant's, or one whose slice ran before a crash) → one instruction.
     */
    private void instruct(PaymentBatch batch, Programme programme) {
        em.createNativeQuery("""
                        insert into payment_instruction (id, line_id, batch_id, city_code, amount_fen, attempt, status)
                        select gen_random_uuid(), l.id, :batch, l.city_code, l.amount_fen, 1 + coalesce(prev.n, 0),
                               'PENDING'
                        from payment_line l
                        left join (select p.line_id, count(*) n,
                                          bool_or(p.status in ('PENDING', 'RELEASED', 'PAID')) open
                                   from payment_instruction p join payment_line pl on pl.id = p.line_id
                                   where pl.programme_code = :code group by p.line_id) prev on prev.line_id = l.id
                        where l.programme_code = :code and (:monthly = false or l.period <= :period)
                          and coalesce(prev.open, false) = false
                        on conflict do nothing""")
                .setParameter("batch", batch.id).setParameter("code", programme.code)
                .setParameter("monthly", programme.kind.monthly()).setParameter("period", batch.period)
                .executeUpdate();
        // A batch is a bulk load: its lines and instructions are listed, released and settled before autoanalyze's
        // next round. With statistics from before it (on a copy of a benchmark's database: analysed while the
        // tables were empty) a finance page of 5,000 instructions was planned as 75,000 index probes: 325 s instead
        // of 52 ms. Committed with the status, so whoever sees the batch GENERATED plans with them.
        em.createNativeQuery("analyze payment_line, payment_instruction").executeUpdate();
        em.createNativeQuery("""
                        update payment_batch b set
                            line_count = t.n, amount_fen = t.fen,
                            status = case when t.n = 0 then 'EMPTY' else 'GENERATED' end,
                            processed = greatest(b.processed, b.total), generated_at = now(), heartbeat_at = now(),
                            version = b.version + 1
                        from (select count(*) n, coalesce(sum(amount_fen), 0) fen
                              from payment_instruction where batch_id = :batch) t
                        where b.id = :batch and b.status = 'GENERATING'""")
                .setParameter("batch", batch.id).executeUpdate();
    }
}
