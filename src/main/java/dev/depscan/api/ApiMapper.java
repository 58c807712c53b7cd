package dev.depscan.api;

import dev.depscan.api.generated.model.DependencyScope;
import dev.depscan.api.generated.model.ErrorCode;
import dev.depscan.api.generated.model.Finding;
import dev.depscan.api.generated.model.FindingSource;
import dev.depscan.api.generated.model.InfrastructureEvidence;
import dev.depscan.api.generated.model.JobError;
import dev.depscan.api.generated.model.JobList;
import dev.depscan.api.generated.model.JobPhase;
import dev.depscan.api.generated.model.JobStatus;
import dev.depscan.api.generated.model.PartialProgress;
import dev.depscan.api.generated.model.PartialResult;
import dev.depscan.api.generated.model.ScanAccepted;
import dev.depscan.api.generated.model.ScanIssue;
import dev.depscan.api.generated.model.ScanResult;
import dev.depscan.api.generated.model.ScanType;
import dev.depscan.api.generated.model.UsageEntry;
import dev.depscan.api.generated.model.Verdict;
import dev.depscan.classify.ClassifiedApiCall;
import dev.depscan.classify.ClassifiedFinding;
import dev.depscan.job.Job;
import dev.depscan.job.JobPage;
import dev.depscan.job.JobProgress;
import dev.depscan.job.JobResult;
import dev.depscan.job.JobState;
import dev.depscan.scan.DeclaredVersusUsed;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.InfrastructureUse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/** Maps domain records to the DTOs generated from the contract. Stateless; every method is a pure function. */
final class ApiMapper {

    private ApiMapper() {
    }

    static ScanAccepted accepted(Job job) {
        return new ScanAccepted(job.id(), status(job.state()), job.gitUrl(), time(job.createdAt()));
    }

    static dev.depscan.api.generated.model.Job job(Job job) {
        var dto = new dev.depscan.api.generated.model.Job(job.id(), job.gitUrl(), status(job.state()),
                                                            phase(job.state()), job.progress(), ScanType.REPOSITORY,
                                                            time(job.createdAt()));
        dto.ref(job.ref().orElse(null))
                .commit(job.commit().orElse(null))
                .cached(job.state() instanceof JobState.Completed completed && completed.cached())
                .startedAt(job.startedAt().map(ApiMapper::time).orElse(null))
                .completedAt(job.finishedAt().map(ApiMapper::time).orElse(null));
        if (job.state() instanceof JobState.Failed failed) {
            dto.error(new JobError(ErrorCode.fromValue(failed.failure().code().name()), failed.failure().message()));
        }
        return dto;
    }

    static JobList jobs(JobPage page) {
        return new JobList(page.jobs().stream().map(ApiMapper::job).toList(), page.total(), page.page(),
                           page.perPage(), page.totalPages());
    }

    static ScanResult result(Job job, JobResult result) {
        var flags = new LinkedHashMap<String, Boolean>(result.classification().flags());
        DeclaredVersusUsed usage = result.report().usage();
        List<Finding> findings = result.classification().findings().stream().map(f -> finding(f, usage)).toList();
        List<Finding> restricted = findings.stream().filter(f -> f.getVerdict() == Verdict.RESTRICTED).toList();
        List<ScanIssue> issues = result.report().issues().stream()
                .map(issue -> new ScanIssue(issue.file(), issue.parser(), issue.message())
                        .line(issue.line() == 0 ? null : issue.line()))
                .toList();
        return new ScanResult(job.id(), job.gitUrl(), status(job.state()), ScanType.REPOSITORY, flags, findings, issues)
                .ref(job.ref().orElse(null))
                .commit(result.commit())
                .cached(job.state() instanceof JobState.Completed completed && completed.cached())
                .scannerVersion(result.scannerVersion())
                .createdAt(time(job.createdAt()))
                .completedAt(time(job.finishedAt().orElse(result.completedAt())))
                .filesScanned(result.report().filesScanned())
                .analyzedEcosystems(usage.analyzed().stream().sorted().map(Ecosystem::id).toList())
                .unusedDeclared(usage.unusedDeclared().stream().map(f -> usageEntry(f, Evidence.Kind.MANIFEST)).toList())
                .undeclaredImports(usage.undeclaredImports().stream()
                                           .map(f -> usageEntry(f, Evidence.Kind.IMPORT)).toList())
                .apiUsage(new LinkedHashMap<>(result.classification().apiUsage()))
                .apiCalls(result.classification().apiCalls().stream().map(ApiMapper::apiCall).toList())
                .infrastructureUsage(infrastructureFlags(result.report().infrastructure()))
                .infrastructure(result.report().infrastructure().stream().map(ApiMapper::infrastructure).toList())
                .restrictedFound(!restricted.isEmpty())
                .restrictedFindings(restricted);
    }

    private static java.util.Map<String, Boolean> infrastructureFlags(List<InfrastructureUse> uses) {
        var flags = new LinkedHashMap<String, Boolean>();
        InfrastructureUse.TECHNOLOGIES.forEach(t -> flags.put(t, uses.stream().anyMatch(u -> u.technology().equals(t))));
        return flags;
    }

    private static dev.depscan.api.generated.model.ApiCall apiCall(ClassifiedApiCall classified) {
        var call = classified.call();
        return new dev.depscan.api.generated.model.ApiCall(call.url(), call.method(), call.file(), call.line(),
                classified.categories(), Verdict.fromValue(classified.verdict().name().toLowerCase(Locale.ROOT)));
    }

    private static InfrastructureEvidence infrastructure(InfrastructureUse use) {
        return new InfrastructureEvidence(use.technology(), use.file())
                .line(use.line() == 0 ? null : use.line())
                .detail(use.detail().orElse(null))
                .parser(use.parser());
    }

    /** A usage entry shows only the sources of the side that makes it an entry: declarations, or imports. */
    private static UsageEntry usageEntry(dev.depscan.scan.Finding finding, Evidence.Kind kind) {
        List<FindingSource> sources = finding.sources().stream().filter(e -> e.kind() == kind).map(ApiMapper::source)
                .toList();
        return new UsageEntry(finding.ecosystem().id(), finding.name(), sources).purl(finding.purl().orElse(null));
    }

    static PartialResult partial(Job job, JobProgress progress) {
        JobPhase phase = phase(job.state());
        var figures = new PartialProgress(progress.scannedFiles(), progress.totalFiles(), progress.foundDependencies(),
                                          phase)
                .currentFile(job.state().terminal() ? null : progress.currentFile().orElse(null));
        return new PartialResult(job.id(), status(job.state()), job.progress(), figures, time(progress.lastUpdated()))
                .phase(phase);
    }

    /** A finding of a running scan: without the declared and used flags, which only the whole scan can tell. */
    static Finding liveFinding(ClassifiedFinding classified) {
        return finding(classified, DeclaredVersusUsed.NONE).declared(null).used(null);
    }

    private static Finding finding(ClassifiedFinding classified, DeclaredVersusUsed usage) {
        var finding = classified.finding();
        List<FindingSource> sources = finding.sources().stream().map(ApiMapper::source).toList();
        return new Finding(finding.ecosystem().id(), finding.name(), DependencyScope.fromValue(finding.scope().id()),
                           finding.direct(), classified.categories(),
                           Verdict.fromValue(classified.verdict().name().toLowerCase(Locale.ROOT)), sources)
                .version(finding.version().orElse(null))
                .resolvedVersion(finding.resolvedVersion().orElse(null))
                .purl(finding.purl().orElse(null))
                .declared(usage.isDeclared(finding))
                .used(usage.isUsed(finding));
    }

    private static FindingSource source(Evidence evidence) {
        return new FindingSource(evidence.file(), evidence.kind() == Evidence.Kind.MANIFEST
                ? FindingSource.KindEnum.MANIFEST : FindingSource.KindEnum.IMPORT)
                .line(evidence.line() == 0 ? null : evidence.line())
                .parser(evidence.parser());
    }

    static JobStatus status(JobState state) {
        return JobStatus.fromValue(state.status());
    }

    private static JobPhase phase(JobState state) {
        return switch (state) {
            case JobState.Pending p -> JobPhase.QUEUED;
            case JobState.Running running -> JobPhase.fromValue(running.phase().name().toLowerCase(Locale.ROOT));
            case JobState.Completed c -> JobPhase.DONE;
            case JobState.Failed f -> JobPhase.DONE;
            case JobState.Cancelled c -> JobPhase.DONE;
        };
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
