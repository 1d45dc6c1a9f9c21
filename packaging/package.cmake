# `make package`: a Debian package built with CPack. It installs the binary,
# a .desktop file, the icon and AppStream metadata under /usr, and depends on
# Debian's packages of every library the binary links (dpkg-shlibdeps reads
# them off the binary) plus OpenBLAS, which LibTorch reaches through the
# libblas.so.3 alternative and dpkg-shlibdeps therefore cannot see.
include(GNUInstallDirs)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/aelab.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/aelab.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/org.autoencoderlab.aelab.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
# The PyTorch peer of `aelab bench --peer`, where the installed binary looks.
install(FILES ${PROJECT_SOURCE_DIR}/bench/peer_pytorch.py DESTINATION ${CMAKE_INSTALL_DATADIR}/aelab)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME aelab)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Train denoising autoencoders live and see what they learn")
set(CPACK_PACKAGE_DESCRIPTION
    "A desktop instrument (Qt 6 + LibTorch) for teaching and exploring denoising autoencoders: "
    "reconstruction fields on 2D data, sampling chains, image DAEs, ACAI interpolation and the "
    "lines benchmark, VAE/DVAE/IWAE/DIWAE with test log-likelihoods.")
set(CPACK_PACKAGE_CONTACT "Autoencoder Lab developers <aelab@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON) # the build keeps debug info; the package does not need it
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # aelab_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-pthread, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dataset-fashion-mnist")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-torch")
include(CPack)
