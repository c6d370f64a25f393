package org.pchatfailover.bench;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app with the lab, one context for every in-process benchmark (they inherit this configuration, so Spring
 * boots it once). Besides the lab pool it configures {@link #EXTRA_POOLS} more pools, copies of the lab pool under
 * other FQDNs, so the ticketing benchmark can start one failover per ticket: a pool runs one failover at a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProcessProgress.Config.class)
abstract class LabBench {

	static final int EXTRA_POOLS = 100;

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
		// Spring binds pchat.pools[] from one property source: the lab pool is repeated here with the others
		Properties lab = labPool();
		for (int index = 0; index <= EXTRA_POOLS; index++) {
			int i = index;
			for (Map.Entry<Object, Object> property : lab.entrySet()) {
				String key = property.getKey().toString();
				if (key.startsWith("pchat.pools[0].")) {
					String value = property.getValue().toString();
					String copied = key.endsWith("].fqdn") && i > 0 ? benchPool(i) : value;
					registry.add(key.replace("pchat.pools[0].", "pchat.pools[" + i + "]."), () -> copied);
				}
			}
		}
	}

	/** The FQDN of the n-th extra pool, 1 to {@link #EXTRA_POOLS}. */
	static String benchPool(int n) {
		return String.format("bench-cs-%03d.litwareinc.com", n);
	}

	private static Properties labPool() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application-lab.yml"));
		return yaml.getObject();
	}

	@LocalServerPort
	int port;

	LabDrill drill;

	@BeforeEach
	void drill() {
		drill = new LabDrill(port);
	}

}
