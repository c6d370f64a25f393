package org.pchatfailover;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the architecture (STYLE.md, "One step, top to bottom"), kept by the build: arrows point one way,
 * only the process, ticketing, report and security rooms know Camunda, adapters never point up, and the lab meets
 * the product only over TDS, SSH and files.
 */
class ArchitectureTest {

	static final String PRODUCT = "org.pchatfailover..";

	static final String LAB = "org.pchatfailover.lab..";

	/**
	 * The rooms that know the engine: the processes' steps, the ticketing API, the report, users and grants, and the
	 * engine nodes' job locks.
	 */
	static final String[] CAMUNDA_ROOMS = { "org.pchatfailover.failover..", "org.pchatfailover.failback..",
			"org.pchatfailover.ticketing..", "org.pchatfailover.report..", "org.pchatfailover.security..",
			"org.pchatfailover.cluster.." };

	/** One adapter per outside system, plus the topology they are configured by. */
	static final String[] ADAPTERS = { "org.pchatfailover.sqlserver..", "org.pchatfailover.lync..",
			"org.pchatfailover.backup..", "org.pchatfailover.topology.." };

	/** The lab's simulators: SQL Server over TDS, the PowerShell subset and the Lync cmdlets, and the SSH side. */
	static final String[] LAB_SIMULATORS = { "org.pchatfailover.lab.sql.tds..", "org.pchatfailover.lab.sql.parse..",
			"org.pchatfailover.lab.sql.engine..", "org.pchatfailover.lab.sql.errors..",
			"org.pchatfailover.lab.lync.powershell..", "org.pchatfailover.lab.lync.cmdlets..",
			"org.pchatfailover.lab.lync.ssh.." };

	static final int MAX_MAIN_CLASS_LINES = 300;

	static JavaClasses product;

	@BeforeAll
	static void importTheProduct() {
		product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.pchatfailover");
	}

	/** A rule about a package that does not exist passes for nothing: every room named here must hold classes. */
	@Test
	void everyRoomTheRulesNameExists() {
		List<String> named = Stream.of(Stream.of(CAMUNDA_ROOMS), Stream.of(ADAPTERS), Stream.of(LAB_SIMULATORS))
			.flatMap(rooms -> rooms)
			.map(room -> room.substring(0, room.length() - 2))
			.toList();
		assertThat(named).allSatisfy(room -> assertThat(product.stream().anyMatch(c -> c.getPackageName().equals(room)))
			.as(room)
			.isTrue());
	}

	@Test
	void noProductPackageImportsTheLab() {
		noClasses().that().resideOutsideOfPackage(LAB).should().dependOnClassesThat().resideInAPackage(LAB)
			.because("the lab meets the product only over TDS, SSH and files")
			.check(product);
	}

	@Test
	void theLabsSimulatorsImportNeitherSpringNorCamundaNorTheProduct() {
		noClasses().that().resideInAnyPackage(LAB_SIMULATORS)
			.should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.camunda..")
				.or(resideInAPackage(PRODUCT).and(not(resideInAPackage(LAB)))))
			.because("a simulator follows the protocol and SQL Server's and Lync's rules, not our wiring or adapters")
			.check(product);
	}

	@Test
	void onlyTheProcessTicketingReportAndSecurityKnowCamunda() {
		noClasses().that().resideOutsideOfPackages(CAMUNDA_ROOMS)
			.should().dependOnClassesThat().resideInAPackage("org.camunda..")
			.because("adapters and the lab work the same with or without an engine")
			.check(product);
	}

	@Test
	void adaptersNeverPointUpAtTheProcessTheApiOrTheReport() {
		noClasses().that().resideInAnyPackage(ADAPTERS)
			.should().dependOnClassesThat().resideInAnyPackage("org.pchatfailover.failover..",
					"org.pchatfailover.failback..", "org.pchatfailover.ticketing..", "org.pchatfailover.report..",
					"org.pchatfailover.security..")
			.because("a concept an adapter needs from a higher room sits in the wrong room: move it")
			.check(product);
	}

	@Test
	void theActionLogImportsNothingOfOurs() {
		noClasses().that().resideInAPackage("org.pchatfailover.actionlog..")
			.should().dependOnClassesThat(resideInAPackage(PRODUCT)
				.and(not(resideInAPackage("org.pchatfailover.actionlog.."))))
			.because("every room writes to it and the report reads it")
			.check(product);
	}

	@Test
	void theLanguagesImportNothingOfOurs() {
		noClasses().that().resideInAPackage("org.pchatfailover.i18n..")
			.should().dependOnClassesThat(resideInAPackage(PRODUCT)
				.and(not(resideInAPackage("org.pchatfailover.i18n.."))))
			.because("the report, the API and the security filters use it; it knows words, not failovers")
			.check(product);
	}

	@Test
	void noTwoPackagesImportEachOther() {
		slices().matching("org.pchatfailover.(**)").should().beFreeOfCycles().check(product);
	}

	@Test
	void stepsAreThinDelegatesInTheProcessRooms() {
		classes().that().implement(JavaDelegate.class)
			.should().haveSimpleNameEndingWith("Delegate")
			.andShould().resideInAnyPackage("org.pchatfailover.failover..", "org.pchatfailover.failback..")
			.check(product);
	}

	@Test
	void noMainClassIsLongerThan300Lines() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			List<String> tooLong = files.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> lines(file) > MAX_MAIN_CLASS_LINES)
				.map(file -> file + " (" + lines(file) + " lines)")
				.toList();
			assertThat(tooLong).as("main classes over " + MAX_MAIN_CLASS_LINES + " lines: split them by concern")
				.isEmpty();
		}
	}

	private static long lines(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + file, ex);
		}
	}

}
